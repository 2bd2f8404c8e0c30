package dev.seatwise.adapter.files;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One file to import and, optionally, its format (otherwise detected from its first lines).
 * Immutable; nothing is null.
 */
public record UsageSource(Path path, Optional<ImportFormat> format) {
  public UsageSource {
    requireNonNull(path, "path");
    requireNonNull(format, "format");
  }

  /** A file whose format is detected. */
  public static UsageSource of(Path path) {
    return new UsageSource(path, Optional.empty());
  }

  /** A file read as {@code format}, skipping detection. */
  public static UsageSource of(Path path, ImportFormat format) {
    return new UsageSource(path, Optional.of(format));
  }

  /** The name used in reports and rejections: the path as given. */
  public String displayName() {
    return path.toString();
  }
}
