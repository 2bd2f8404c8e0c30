package dev.seatwise.adapter.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the parts of uploads are written: a new file's stream in the request's own folder. The
 * server writes to the local disk ({@link #LOCAL_DISK}); tests give a storage that fails (a full
 * disk, a folder that became unwritable). Implementations are thread-safe.
 */
@FunctionalInterface
interface UploadStorage {
  /** New files on the local disk; a file that already exists is refused. */
  UploadStorage LOCAL_DISK = file -> Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);

  /**
   * A stream writing the new file {@code file}; the caller closes it.
   *
   * @throws IOException when the file cannot be created
   */
  OutputStream create(Path file) throws IOException;
}
