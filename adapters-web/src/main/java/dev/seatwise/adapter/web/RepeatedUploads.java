package dev.seatwise.adapter.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recognises a one-shot request body that is byte for byte the body of a recent one-shot request
 * whose files were read and analysed: such a body is compared with a copy of that one as it
 * arrives, and is neither parsed, nor written, nor hashed. A body is a candidate only for a
 * recent body with the same {@code Content-Type} (so the same multipart boundary), the same
 * {@code Content-Length} and the same read options ({@code zone}, {@code strict}); the first byte
 * that differs makes it a new body (the bytes that matched are copied from the recent one), which
 * is kept whole in a temporary file of its own and parsed from there by {@link UploadReceiver}
 * with all its checks. Identical bytes parse into identical parts under identical names, so a
 * repeat answers what its first request answered on a fresh read.
 *
 * <p>At most {@code capacity} recent bodies are kept in memory (one per content type, length and
 * read options; least recently used dropped first), together at most an eighth of the Java heap
 * (a larger body is not kept); nothing of them is kept on disk. A new body's temporary file is
 * deleted when its request ends. A body is kept only once its first request was answered, so a
 * body that failed a check or a read is never recognised. Thread-safe.
 */
final class RepeatedUploads {
  private static final int CHUNK = 64 * 1024;

  /** A recent body: its bytes, and the key its files were read under. */
  private record Recent(byte[] bytes, String key) {
    long length() {
      return bytes.length;
    }
  }

  private final Path root;
  private final UploadReceiver receiver;
  private final int capacity;
  private final long budget;
  private long kept;
  private final Map<String, Recent> recent;
  private final AtomicLong repeats = new AtomicLong();

  RepeatedUploads(Path root, UploadReceiver receiver, int capacity) {
    this.root = root;
    this.receiver = receiver;
    this.capacity = Math.max(1, capacity);
    this.budget = Runtime.getRuntime().maxMemory() / 8;
    this.recent = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** How many bodies were recognised as repeats so far (for tests and the log). */
  long repeats() {
    return repeats.get();
  }

  /**
   * Receives the request's body: a repeat of a recent one, or a new body kept in a temporary
   * file. The caller closes the result.
   *
   * @throws ApiProblem 415 when not multipart, 413 over the upload cap, 408 too slow, 400 broken
   */
  Body receive(io.javalin.http.Context ctx, ReadOptions read) {
    String contentType = UploadReceiver.requireMultipart(ctx.contentType());
    long declared = ctx.req().getContentLengthLong();
    receiver.checkDeclaredLength(declared);
    Body body = new Body(contentType, read);
    try (InputStream in = ctx.req().getInputStream()) {
      body.read(in, declared >= 0 ? recent(signature(contentType, declared, read)) : null);
      return body;
    } catch (IOException e) {
      body.close();
      throw UploadReceiver.brokenBody(e);
    } catch (RuntimeException e) {
      body.close();
      // Jetty stops a body that arrives below the minimum rate with its 408 as a runtime failure
      if (UploadReceiver.tooSlow(e) && !(e instanceof ApiProblem)) {
        throw UploadReceiver.brokenBody(new IOException(e.getMessage(), e));
      }
      throw e;
    } catch (Error e) {
      body.close();
      throw e;
    }
  }

  private static String signature(String contentType, long length, ReadOptions read) {
    return contentType + "\n" + length + "\n" + read.zone().getId() + "\n" + read.strict();
  }

  private synchronized Recent recent(String signature) {
    return recent.get(signature);
  }

  private synchronized void remember(String signature, Recent r) {
    Recent old = recent.remove(signature);
    if (old != null) {
      kept -= old.length();
    }
    var eldest = recent.entrySet().iterator();
    while (eldest.hasNext() && (recent.size() >= capacity || kept + r.length() > budget)) {
      kept -= eldest.next().getValue().length();
      eldest.remove();
    }
    recent.put(signature, r);
    kept += r.length();
  }

  /** Drops every recent body (at stop). */
  synchronized void clear() {
    recent.clear();
    kept = 0;
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a copy that cannot be deleted now goes with the upload folder at stop
    }
  }

  /** One request's body. Not thread-safe; one per request. */
  final class Body implements AutoCloseable {
    private final String contentType;
    private final ReadOptions options;
    /** The recent body this one repeats; null when it is a new body. */
    private Recent same;
    /** The new body's copy; null for a repeat. */
    private Path copy;
    private long length;
    private boolean answered;

    private Body(String contentType, ReadOptions options) {
      this.contentType = contentType;
      this.options = options;
    }

    private void read(InputStream in, Recent candidate) throws IOException {
      same = candidate;
      FileChannel out = null;
      try {
        byte[] buf = new byte[CHUNK];
        int n;
        while ((n = in.read(buf)) != -1) {
          if (n == 0) {
            continue;
          }
          if (length + n > receiver.maxBytes()) {
            throw receiver.tooLarge();
          }
          if (same != null
              && (length + n > same.length()
                  || Arrays.mismatch(buf, 0, n, same.bytes(), (int) length, (int) length + n) >= 0)) {
            out = startCopy(); // the bytes so far equal the recent body's: copied from it
          }
          if (same == null) {
            if (out == null) {
              out = startCopy();
            }
            write(out, buf, 0, n);
          }
          length += n;
        }
        if (same != null && length != same.length()) {
          out = startCopy(); // a shorter body that matched so far
        }
        if (same == null && out == null) {
          out = startCopy(); // an empty body
        }
      } finally {
        if (out != null) {
          out.close();
        }
      }
      if (same != null) {
        repeats.incrementAndGet();
      }
    }

    /**
     * Makes this a new body: a copy in a temporary file, starting with the bytes received so far
     * (when it was compared with a recent body, those are that body's first bytes).
     */
    private FileChannel startCopy() throws IOException {
      Files.createDirectories(root);
      copy = Files.createTempFile(root, "body-", ".bin");
      FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE);
      if (same != null) {
        write(out, same.bytes(), 0, (int) length);
        same = null;
      }
      return out;
    }

    private static void write(FileChannel out, byte[] bytes, int from, int n) throws IOException {
      ByteBuffer b = ByteBuffer.wrap(bytes, from, n);
      while (b.hasRemaining()) {
        out.write(b);
      }
    }

    /** The key the recent body's files were read under, when this body repeats it. */
    Optional<String> repeatOf() {
      return same == null ? Optional.empty() : Optional.of(same.key());
    }

    /**
     * The body's files, parsed (with every check of {@link UploadReceiver}) into a new temporary
     * folder: from this body's copy, or, for a repeat, from the recent body it equals. The caller
     * closes the result.
     */
    RequestUploads files() {
      try {
        if (same != null) {
          return receiver.parse(new ByteArrayInputStream(same.bytes()), contentType);
        }
        try (InputStream in = Files.newInputStream(copy)) {
          return receiver.parse(in, contentType);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Keeps this new body as a recent one, its files read under {@code key} (call once its
     * request was answered); a repeat is kept already.
     */
    void answered(String key) {
      if (copy == null || key == null || answered || length > budget) {
        return;
      }
      answered = true;
      try {
        remember(signature(contentType, length, options), new Recent(Files.readAllBytes(copy), key));
      } catch (IOException e) {
        // not kept: the next identical body is read as a new one
      }
    }

    @Override
    public void close() {
      if (copy != null) {
        delete(copy);
      }
    }
  }
}
