package dev.seatwise.application.testing;

import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.domain.entitlement.Entitlements;

/** In-memory entitlements for service tests. */
public record FakeEntitlementsPort(Entitlements held) implements EntitlementsPort {
  @Override
  public Entitlements entitlements() {
    return held;
  }
}
