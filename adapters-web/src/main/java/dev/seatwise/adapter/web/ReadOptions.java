package dev.seatwise.adapter.web;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;

/**
 * How a request's files are read: the zone of local timestamps, and whether the first bad row
 * fails the request ({@code strict}) instead of being reported as a rejection. Immutable.
 */
public record ReadOptions(ZoneId zone, boolean strict) {
  public ReadOptions {
    requireNonNull(zone, "zone");
  }
}
