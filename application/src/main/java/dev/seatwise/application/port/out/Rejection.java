package dev.seatwise.application.port.out;

import static java.util.Objects.requireNonNull;

/** A rejected input row: file, 1-based line, field (may be empty) and why. Immutable. */
public record Rejection(String file, long line, String field, String reason) {
  public Rejection {
    requireNonNull(file, "file");
    requireNonNull(field, "field");
    requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return file + ":" + line + (field.isEmpty() ? "" : " [" + field + "]") + ": " + reason;
  }
}
