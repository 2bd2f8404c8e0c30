/** Costing a plan over a period: pro-rated subscriptions, pack purchases, network seats, and break-even. */
package dev.seatwise.domain.plan;
