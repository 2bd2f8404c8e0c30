package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A requested period: {@code [from, to)} in {@code zone}; a missing bound defaults to the span of
 * the data. Immutable.
 */
public record PeriodSpec(Optional<LocalDate> from, Optional<LocalDate> to, ZoneId zone) {
  public static final PeriodSpec DATA_SPAN_UTC =
      new PeriodSpec(Optional.empty(), Optional.empty(), ZoneId.of("UTC"));

  public PeriodSpec {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(zone, "zone");
    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
      throw new IllegalArgumentException(
          "--to " + to.get() + " must be after --from " + from.get());
    }
  }

  public static PeriodSpec of(LocalDate from, LocalDate to, ZoneId zone) {
    return new PeriodSpec(Optional.of(from), Optional.of(to), zone);
  }
}
