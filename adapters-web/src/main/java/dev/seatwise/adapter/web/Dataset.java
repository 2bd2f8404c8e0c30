package dev.seatwise.adapter.web;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored dataset: its id (the SHA-256 of its files' contents and read options, 64 lower-case
 * hex digits), its folder in the store, the files as analysis inputs (stored under names the
 * server chose; the client's file names as labels), how its files are read, its size and when it
 * was stored. Immutable; nothing is null.
 */
public record Dataset(
    String id, Path dir, AnalysisInputs inputs, ReadOptions read, long bytes, Instant created) {
  public Dataset {
    requireNonNull(id, "id");
    requireNonNull(dir, "dir");
    requireNonNull(inputs, "inputs");
    requireNonNull(read, "read");
    requireNonNull(created, "created");
  }

  /** Stored path → the client's label, for every file (to answer in the client's terms). */
  public Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    inputs.all().forEach(s -> labels.put(s.path().toString(), s.label()));
    return labels;
  }
}
