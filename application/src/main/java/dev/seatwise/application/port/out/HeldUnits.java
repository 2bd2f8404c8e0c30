package dev.seatwise.application.port.out;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.seatwise.domain.usage.Session;

/**
 * The units one session held when that is not 1: a check-out listed in a licence manager's status
 * (LM-X, DSLS, LS-DYNA {@code lstc_qrun}, RLM, OLicense) holds the manager's own count of licences,
 * tokens or cores, and is read as one session of that many units. {@code session} is the session as
 * it is in {@link ImportedUsage}'s log (a catalog product) or among its unmapped sessions (a feature
 * under its own name). Concurrency counts the session as {@code units}; nothing else does (pricing
 * counts sessions). Immutable and thread-safe; {@code session} not null, {@code units} at least 0.
 */
public record HeldUnits(Session session, long units) {
  public HeldUnits {
    requireNonNull(session, "session");
    checkArgument(units >= 0, "units must be >= 0 but was %s", units);
  }
}
