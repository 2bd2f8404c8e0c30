/** Exact money: {@link dev.seatwise.domain.money.Money} at the currency's scale and sub-cent {@link dev.seatwise.domain.money.UnitPrice}. */
package dev.seatwise.domain.money;
