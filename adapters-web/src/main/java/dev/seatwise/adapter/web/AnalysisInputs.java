package dev.seatwise.adapter.web;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files one request analyses: usage files (at least one), an optional catalog (otherwise the
 * bundled {@code autodesk} catalog), optional entitlements files and an optional identity map
 * (FlexLM logins and hashed ids to people). Immutable; nothing is null.
 */
public record AnalysisInputs(
    List<UploadedSource> usage,
    Optional<UploadedSource> catalog,
    List<UploadedSource> entitlements,
    Optional<UploadedSource> identities) {
  public AnalysisInputs {
    usage = List.copyOf(usage);
    requireNonNull(catalog, "catalog");
    entitlements = List.copyOf(entitlements);
    requireNonNull(identities, "identities");
  }

  /** Every file, for translating stored paths back to the client's labels. */
  public List<UploadedSource> all() {
    List<UploadedSource> all = new ArrayList<>(usage);
    catalog.ifPresent(all::add);
    all.addAll(entitlements);
    identities.ifPresent(all::add);
    return all;
  }
}
