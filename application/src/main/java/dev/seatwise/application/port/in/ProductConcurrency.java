package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Concurrency of one product (or of an unmapped FlexLM feature, under its own name): peak and when,
 * sessions, distinct users, time-weighted percentiles, time at peak, refusals by reason, issued
 * licences seen in lmstat, the seats a tolerated refusal rate needs, and the peak demand (seats in
 * use plus requests denied at the same instant; without denials, the peak of the sessions). With
 * {@code inUnits} the levels (peak, percentiles, seats needed, peak demand) count the units the
 * sessions held (a licence manager's status check-out of N licences, tokens or cores counts N),
 * otherwise sessions (one seat each). Immutable.
 */
public record ProductConcurrency(
    String product,
    boolean mapped,
    long peak,
    Optional<Instant> peakAt,
    long sessions,
    long distinctUsers,
    long p50,
    long p90,
    long p95,
    Duration timeAtPeak,
    Map<String, Long> denialsByReason,
    Optional<Long> issued,
    long seatsForToleratedRefusals,
    long peakDemand,
    boolean inUnits) {
  public ProductConcurrency {
    requireNonNull(product, "product");
    requireNonNull(peakAt, "peakAt");
    requireNonNull(timeAtPeak, "timeAtPeak");
    denialsByReason = new TreeMap<>(denialsByReason);
    requireNonNull(issued, "issued");
  }

  /** Levels in sessions (each session one seat). */
  public ProductConcurrency(
      String product,
      boolean mapped,
      long peak,
      Optional<Instant> peakAt,
      long sessions,
      long distinctUsers,
      long p50,
      long p90,
      long p95,
      Duration timeAtPeak,
      Map<String, Long> denialsByReason,
      Optional<Long> issued,
      long seatsForToleratedRefusals,
      long peakDemand) {
    this(product, mapped, peak, peakAt, sessions, distinctUsers, p50, p90, p95, timeAtPeak,
        denialsByReason, issued, seatsForToleratedRefusals, peakDemand, false);
  }

  /** Without a separate peak demand (no denials): the peak. */
  public ProductConcurrency(
      String product,
      boolean mapped,
      long peak,
      Optional<Instant> peakAt,
      long sessions,
      long distinctUsers,
      long p50,
      long p90,
      long p95,
      Duration timeAtPeak,
      Map<String, Long> denialsByReason,
      Optional<Long> issued,
      long seatsForToleratedRefusals) {
    this(product, mapped, peak, peakAt, sessions, distinctUsers, p50, p90, p95, timeAtPeak,
        denialsByReason, issued, seatsForToleratedRefusals, peak, false);
  }
}
