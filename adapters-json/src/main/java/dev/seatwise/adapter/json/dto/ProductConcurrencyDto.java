package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Concurrency of one product, or of a FlexLM feature that maps to no product ({@code mapped:
 * false}, under the feature's name): peak and when, sessions, distinct users, time-weighted
 * percentiles, time at peak (ISO-8601 duration), refusals by reason, licences issued (lmstat) and
 * the seats needed for the tolerated refusal rate, and the peak demand: the most seats wanted at
 * one instant, in use plus denied at that instant (the seats needed for no refusals). {@code inUnits}
 * (present, {@code true}, only then; null otherwise): those levels count the units each session held (a licence manager's status check-out of N
 * licences, tokens or cores counts N), not sessions.
 */
public record ProductConcurrencyDto(
    String product,
    boolean mapped,
    long peak,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant peakAt,
    long sessions,
    long distinctUsers,
    long p50,
    long p90,
    long p95,
    Duration timeAtPeak,
    Map<String, Long> denials,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long issued,
    long seatsNeeded,
    long peakDemand,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean inUnits) {
  public ProductConcurrencyDto {
    denials = new java.util.TreeMap<>(denials);
  }

  /** Whether the levels count units ({@code inUnits} true). */
  public boolean countsUnits() {
    return Boolean.TRUE.equals(inUnits);
  }
}
