package dev.seatwise.adapter.files;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How files are read: the zone for local times without an offset (FlexLM logs, lmstat, sessions
 * CSV rows without offset; default UTC), the identity map (default: none), strict mode (the first
 * bad row throws) and privacy mode (hashed ids stay hashed, see {@link IdentityMap}). Immutable;
 * nothing is null.
 */
public record ImportOptions(ZoneId zone, IdentityMap identity, boolean strict, boolean privacy) {
  public ImportOptions {
    requireNonNull(zone, "zone");
    requireNonNull(identity, "identity");
  }

  /** UTC, no identity map, lenient, no privacy mode. */
  public static ImportOptions defaults() {
    return new ImportOptions(ZoneOffset.UTC, IdentityMap.EMPTY, false, false);
  }

  public ImportOptions withZone(ZoneId z) {
    return new ImportOptions(z, identity, strict, privacy);
  }

  public ImportOptions withIdentity(IdentityMap map) {
    return new ImportOptions(zone, map, strict, privacy);
  }

  public ImportOptions withStrict(boolean s) {
    return new ImportOptions(zone, identity, s, privacy);
  }

  public ImportOptions withPrivacy(boolean p) {
    return new ImportOptions(zone, identity, strict, p);
  }
}
