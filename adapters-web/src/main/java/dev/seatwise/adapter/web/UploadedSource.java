package dev.seatwise.adapter.web;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One uploaded file: where the server stored it (a name the server chose, inside the request's
 * temporary folder) and the label the client gave it (for messages only, never used as a path).
 * Immutable; nothing is null.
 */
public record UploadedSource(Path path, String label) {
  public UploadedSource {
    requireNonNull(path, "path");
    requireNonNull(label, "label");
  }
}
