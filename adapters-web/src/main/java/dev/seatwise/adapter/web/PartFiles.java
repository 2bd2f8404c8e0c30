package dev.seatwise.adapter.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The parts of one upload as they are read: names each part (its field, the client's file name
 * reduced to a label, and the name the server stores it under, {@code usage-1.csv}), counting them
 * against {@link UploadReceiver#MAX_PARTS}, and writes the part being stored through {@link
 * UploadStorage}. A failure to write is a {@link StorageException} (the server's fault), never a
 * broken body. Not thread-safe; one per request.
 */
final class PartFiles {
  /** A part's field, the client's label for it, and the file name the server stores it under. */
  record Named(String field, String label, String name) {}

  private final UploadStorage storage;
  private final Map<String, Integer> counts = new HashMap<>();
  private int parts;
  /** The file being written, or null. */
  private OutputStream out;

  PartFiles(UploadStorage storage) {
    this.storage = storage;
  }

  /**
   * The next part, from its headers.
   *
   * @throws IOException a part without a form-data disposition or a name (the caller answers 400)
   * @throws ApiProblem 400 for an unknown field or a part over {@link UploadReceiver#MAX_PARTS}
   */
  Named next(Map<String, String> headers) throws IOException {
    RepeatedUploads.FormPart part = RepeatedUploads.formPart(headers);
    if (parts >= UploadReceiver.MAX_PARTS) {
      throw ApiProblem.badRequest("at most " + UploadReceiver.MAX_PARTS + " parts, not " + (parts + 1));
    }
    parts++;
    String field = part.field();
    String numbered = field + "-" + counts.merge(field, 1, Integer::sum);
    return new Named(
        field,
        UploadReceiver.label(part.filename(), numbered),
        numbered + UploadReceiver.extension(part.filename(), field));
  }

  /** Starts writing the new file {@code file}, the part being stored until {@link #close()}. */
  void open(Path file) {
    try {
      out = storage.create(file);
    } catch (IOException e) {
      throw new StorageException("cannot create " + file, e);
    }
  }

  /** Writes more of the part being stored. */
  void write(byte[] bytes, int offset, int length) {
    try {
      out.write(bytes, offset, length);
    } catch (IOException e) {
      throw new StorageException("cannot write an upload's part", e);
    }
  }

  /** Closes the part being stored, if any. */
  void close() {
    if (out != null) {
      OutputStream o = out;
      out = null;
      try {
        o.close();
      } catch (IOException e) {
        throw new StorageException("cannot close an upload's part", e);
      }
    }
  }

  /** Writes the whole new file {@code file}. */
  void write(Path file, byte[] bytes) {
    open(file);
    try {
      write(bytes, 0, bytes.length);
    } finally {
      close();
    }
  }
}
