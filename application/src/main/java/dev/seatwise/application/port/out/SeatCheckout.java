package dev.seatwise.application.port.out;

import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * One check-out listed in a licence-manager status snapshot: who holds it, from which host, how
 * many units (licences, tokens, cores: the manager's own count) and since when, when the manager
 * says. {@code host} is empty when unknown or withheld (privacy mode).
 */
public record SeatCheckout(UserId user, String host, long count, Optional<Instant> since) {
  public SeatCheckout {
    requireNonNull(user, "user");
    requireNonNull(host, "host");
    requireNonNull(since, "since");
    if (count < 0) {
      throw new IllegalArgumentException("negative count " + count);
    }
  }
}
