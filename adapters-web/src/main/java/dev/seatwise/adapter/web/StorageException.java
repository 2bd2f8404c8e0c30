package dev.seatwise.adapter.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.List;

/**
 * The server could not write an upload to its own storage, or read back what it wrote (a full
 * disk, a folder that became unwritable): a fault of the server, never of the client's body.
 * {@link ProblemTranslator} answers it {@code 507} when the storage is out of space ({@link
 * #outOfSpace()}), else {@code 500}. Unchecked.
 */
final class StorageException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  /** What the system says when a write finds no space: ENOSPC, and EDQUOT (a quota's space). */
  private static final List<String> NO_SPACE = List.of("No space left on device", "Disk quota exceeded");

  /**
   * @param what what the server was doing, for its log (may name its own paths; never answered)
   * @param cause the storage's failure, not null
   */
  StorageException(String what, IOException cause) {
    super(what, cause);
  }

  /**
   * Whether the storage failed for lack of space (ENOSPC or EDQUOT): an {@link IOException} whose
   * message says so, or a {@link FileSystemException} whose reason does (never its file names), as
   * the failure or a cause.
   */
  boolean outOfSpace() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      // a FileSystemException's reason is the system's words; its message also names its files
      String said = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
      if (said != null && NO_SPACE.stream().anyMatch(said::contains)) {
        return true;
      }
    }
    return false;
  }
}
