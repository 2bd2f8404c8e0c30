/** What an organisation holds today: subscriptions (seats, terms, renewal dates), seat assignments and token lots. */
package dev.seatwise.domain.entitlement;
