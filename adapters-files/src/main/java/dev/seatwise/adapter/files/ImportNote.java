package dev.seatwise.adapter.files;

import static java.util.Objects.requireNonNull;

/**
 * Something an import did that the analyst should know but that rejected no row, e.g. FlexLM
 * check-outs closed by a server restart or still open at the end of the log. {@code line} is
 * 1-based. Immutable; nothing is null.
 */
public record ImportNote(String file, long line, String message) {
  public ImportNote {
    requireNonNull(file, "file");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
