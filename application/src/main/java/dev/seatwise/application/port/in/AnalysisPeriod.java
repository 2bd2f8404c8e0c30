package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The half-open period {@code [from, to)} of calendar days in {@code zone}. Immutable. */
public record AnalysisPeriod(LocalDate from, LocalDate to, ZoneId zone) {
  public AnalysisPeriod {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(zone, "zone");
    checkArgument(to.isAfter(from), "period must end after it starts: [%s, %s)", from, to);
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to);
  }

  public java.time.Instant startInstant() {
    return from.atStartOfDay(zone).toInstant();
  }

  public java.time.Instant endInstant() {
    return to.atStartOfDay(zone).toInstant();
  }
}
