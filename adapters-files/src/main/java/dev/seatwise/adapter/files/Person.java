package dev.seatwise.adapter.files;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One person of the identity map: the name all their logins resolve to, their Autodesk hashed id
 * and e-mail when known, and the team and cost centre front ends group by. Immutable; nothing is
 * null.
 */
public record Person(
    String name,
    Optional<String> hashedId,
    Optional<String> email,
    Optional<String> team,
    Optional<String> costCentre) {
  public Person {
    requireNonNull(name, "name");
    requireNonNull(hashedId, "hashedId");
    requireNonNull(email, "email");
    requireNonNull(team, "team");
    requireNonNull(costCentre, "costCentre");
    name = name.strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("person name must not be blank");
    }
  }
}
