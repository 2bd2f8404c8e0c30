package dev.seatwise.application.port.out;

import dev.seatwise.domain.usage.UserId;
import java.util.Optional;

/**
 * Who belongs where: the team or cost centre of a user, as an identity map states it. Implementations
 * are thread-safe.
 */
public interface OrganisationPort {
  /** An organisation that knows nobody's group. */
  OrganisationPort NONE = (user, by) -> Optional.empty();

  /** The group of {@code user} under {@code by}; empty when not known. Never null. */
  Optional<String> groupOf(UserId user, GroupBy by);
}
