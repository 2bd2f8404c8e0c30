package dev.seatwise.application.port.out;

import dev.seatwise.domain.entitlement.Entitlements;

/** What the organisation holds today (subscriptions, assignments, token lots). */
public interface EntitlementsPort {
  /** Never null; {@link Entitlements#NONE} when nothing is known. */
  Entitlements entitlements();
}
