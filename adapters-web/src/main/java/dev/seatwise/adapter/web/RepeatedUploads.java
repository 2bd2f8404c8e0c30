package dev.seatwise.adapter.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.QuotedStringTokenizer;

/**
 * Receives a one-shot upload in one pass and recognises the files of a recent one-shot upload
 * without writing, parsing or hashing them again. The body is read with {@link MultipartReader}
 * (which reads what Jetty's multipart parser reads, with a faster search for the delimiter); each
 * part is compared, as it arrives, with the same part (same field and file name, in the same
 * place) of the recent upload whose first part has this one's field and name and that was read
 * the same way ({@code zone}, {@code strict}). When every part equals its counterpart, byte for
 * byte, and there are as many, the upload is a repeat: its analysis runs on what the recent
 * upload's request read, and nothing of it is written to disk. Otherwise each part is written
 * under a name the server picks (the bytes that matched are copied from the recent part) and
 * checked as {@link UploadReceiver} checks it. The multipart boundary and part headers other than
 * the field and file name play no part, so a client that makes a new boundary for every request
 * (browsers, curl) is recognised too; identical files under identical names, read the same way,
 * are what the recent request read, so a repeat answers what a fresh read answers.
 *
 * <p>At most {@code capacity} recent uploads are kept in memory (least recently used dropped
 * first), together at most an eighth of the Java heap (and 1 GB); a larger upload is not kept,
 * and neither is one answered while others being kept already take that much memory. Nothing of
 * them is kept on disk. An upload is kept only once its request was answered, so an
 * upload that failed a check or a read is never recognised. Thread-safe.
 */
final class RepeatedUploads {
  private static final int CHUNK = 64 * 1024;
  private static final Pattern BOUNDARY = Pattern.compile("boundary=", Pattern.CASE_INSENSITIVE);

  /** A part of a recent upload: its field, the client's name for it, and its bytes. */
  private record Part(String field, String label, byte[] bytes) {}

  /** A recent upload: its parts in order, and the key its files were read under. */
  private record Recent(List<Part> parts, String key, long bytes) {}

  private final UploadReceiver receiver;
  private final int capacity;
  private final long budget;
  private long kept;
  private final Map<String, Recent> recent = new LinkedHashMap<>(16, 0.75f, true);
  private final AtomicLong repeats = new AtomicLong();
  /** Bytes of answered uploads being read into memory now. */
  private final AtomicLong loading = new AtomicLong();

  RepeatedUploads(UploadReceiver receiver, int capacity) {
    this.receiver = receiver;
    this.capacity = Math.max(1, capacity);
    this.budget = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 8);
  }

  /** How many uploads were recognised as repeats so far. */
  long repeats() {
    return repeats.get();
  }

  /** Drops every recent upload (at stop). */
  synchronized void clear() {
    recent.clear();
    kept = 0;
  }

  /** Takes {@code bytes} of the budget for reading an upload into memory, if it has them. */
  private boolean reserve(long bytes) {
    while (true) {
      long now = loading.get();
      if (now + bytes > budget) {
        return false;
      }
      if (loading.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  private static String signature(ReadOptions read, String field, String label) {
    return read.zone().getId() + "\n" + read.strict() + "\n" + field + "\n" + label;
  }

  private synchronized Recent recent(String signature) {
    return recent.get(signature);
  }

  private synchronized void remember(String signature, Recent r) {
    Recent old = recent.remove(signature);
    if (old != null) {
      kept -= old.bytes();
    }
    var eldest = recent.entrySet().iterator();
    while (eldest.hasNext() && (recent.size() >= capacity || kept + r.bytes() > budget)) {
      kept -= eldest.next().getValue().bytes();
      eldest.remove();
    }
    recent.put(signature, r);
    kept += r.bytes();
  }

  /**
   * Receives the request's upload. The caller closes the result.
   *
   * @throws ApiProblem 415 when not multipart or a part is not text, 413 over the upload cap, 408
   *     too slow, 400 malformed or with an unknown field
   * @throws StorageException when the server cannot write a part to its storage (or read it back)
   */
  Upload receive(io.javalin.http.Context ctx, ReadOptions read) {
    String contentType = UploadReceiver.requireMultipart(ctx.contentType());
    receiver.checkDeclaredLength(ctx.req().getContentLengthLong());
    Upload upload = new Upload(read, receiver.empty());
    try (InputStream in = ctx.req().getInputStream()) {
      upload.read(in, boundary(contentType));
      return upload;
    } catch (IOException e) {
      upload.close();
      throw UploadReceiver.brokenBody(e);
    } catch (ApiProblem | StorageException e) {
      upload.close();
      throw e;
    } catch (RuntimeException e) {
      upload.close();
      // Jetty stops a body that arrives below the minimum rate with its 408, a runtime failure
      if (UploadReceiver.tooSlow(e)) {
        throw UploadReceiver.brokenBody(new IOException(e.getMessage(), e));
      }
      throw ApiProblem.badRequest("malformed multipart body: " + e.getMessage());
    } catch (Error e) {
      upload.close();
      throw e;
    }
  }

  /**
   * The boundary named by the content type, as Jetty's multipart reader finds it, except that the
   * parameter's name is found in any case ({@code Boundary=}: RFC 2045 section 5.1 makes parameter
   * names case-insensitive); the value is kept as sent.
   */
  static String boundary(String contentType) {
    Matcher named = BOUNDARY.matcher(contentType);
    if (!named.find()) {
      return "";
    }
    int start = named.start();
    int end = contentType.indexOf(';', start);
    String b = contentType.substring(start, end < 0 ? contentType.length() : end);
    return QuotedStringTokenizer.unquote(value(b).trim());
  }

  private static String value(String nameEqualsValue) {
    int idx = nameEqualsValue.indexOf('=');
    return QuotedStringTokenizer.unquoteOnly(nameEqualsValue.substring(idx + 1).trim());
  }

  /** A file name from {@code filename=...} as Jetty's multipart reader reads it. */
  static String filenameValue(String nameEqualsValue) {
    int idx = nameEqualsValue.indexOf('=');
    String value = nameEqualsValue.substring(idx + 1).trim();
    if (value.matches(".??[a-z,A-Z]\\:\\\\[^\\\\].*")) {
      // a whole Windows path, not escaped as a quoted string: kept as is (label() cuts it)
      char first = value.charAt(0);
      if (first == '"' || first == '\'') {
        value = value.substring(1);
      }
      char last = value.charAt(value.length() - 1);
      if (last == '"' || last == '\'') {
        value = value.substring(0, value.length() - 1);
      }
      return value;
    }
    return QuotedStringTokenizer.unquoteOnly(value, true);
  }

  /** A form part's field (one of {@link UploadReceiver#FIELDS}) and the client's file name. */
  record FormPart(String field, String filename) {}

  /**
   * The field and file name of a part from its {@code Content-Disposition}, as Jetty's multipart
   * reader takes them.
   *
   * @throws IOException no disposition, not form-data, or no name (the caller answers 400)
   * @throws ApiProblem 400 for a field other than usage, catalog, entitlements or identities
   */
  static FormPart formPart(Map<String, String> headers) throws IOException {
    String disposition = headers.get("content-disposition");
    if (disposition == null) {
      throw new IOException("Missing content-disposition");
    }
    QuotedStringTokenizer tok = new QuotedStringTokenizer(disposition, ";", false, true);
    boolean formData = false;
    String name = null;
    String filename = null;
    while (tok.hasMoreTokens()) {
      String t = tok.nextToken().trim();
      String tl = t.toLowerCase(Locale.ENGLISH);
      if (tl.startsWith("form-data")) {
        formData = true;
      } else if (tl.startsWith("name=")) {
        name = value(t);
      } else if (tl.startsWith("filename=")) {
        filename = filenameValue(t);
      }
    }
    if (!formData) {
      throw new IOException("Part not form-data");
    }
    if (name == null) {
      throw new IOException("No name in part");
    }
    if (!UploadReceiver.FIELDS.contains(name)) {
      throw ApiProblem.badRequest(
          "unknown form field '"
              + UploadReceiver.label(name, "?")
              + "'; expected usage, catalog, entitlements or identities");
    }
    return new FormPart(name, filename);
  }

  /** One request's upload. Not thread-safe; one per request. */
  final class Upload implements AutoCloseable {
    private final ReadOptions read;
    private final RequestUploads files;
    /** The recent upload compared with; null once this one differs from it. */
    private Recent same;
    /** Per part, in order: its stored file, or null while it equals the recent part. */
    private final List<Path> stored = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    /** Per part, the name the server stores it under ({@code usage-1.csv}). */
    private final List<String> names = new ArrayList<>();
    /** Names the parts and writes those stored. */
    private final PartFiles partFiles = receiver.partFiles();
    private boolean repeat;
    private boolean answered;

    private Upload(ReadOptions read, RequestUploads files) {
      this.read = read;
      this.files = files;
    }

    private void read(InputStream in, String boundary) throws IOException {
      PartReader handler = new PartReader();
      try {
        new MultipartReader(boundary, receiver.maxBytes(), receiver::tooLarge).read(in, handler);
      } finally {
        handler.closePart();
      }
      repeat =
          same != null
              && !stored.isEmpty()
              && stored.size() == same.parts().size()
              && stored.stream().allMatch(java.util.Objects::isNull);
      if (repeat) {
        repeats.incrementAndGet();
      } else {
        store();
      }
    }

    /**
     * Writes the parts that equalled the recent ones, and checks every part as text or workbook.
     *
     * @throws StorageException when a part cannot be written or read back
     */
    private void store() {
      for (int i = 0; i < stored.size(); i++) {
        Path path = stored.get(i);
        if (path == null) {
          path = files.dir().resolve(names.get(i));
          partFiles.write(path, same.parts().get(i).bytes());
          stored.set(i, path);
        }
        UploadReceiver.checkStored(path, fields.get(i), labels.get(i));
        files.add(fields.get(i), new UploadedSource(path, labels.get(i)));
      }
      same = null;
    }

    /** The key the recent upload's files were read under, when this one repeats it. */
    Optional<String> repeatOf() {
      return repeat ? Optional.of(same.key()) : Optional.empty();
    }

    /**
     * The upload's files, with their labels: for a repeat (whose files are no longer in memory),
     * written now from the recent upload's bytes. The caller does not close them; closing this
     * upload does.
     */
    RequestUploads files() {
      if (repeat) {
        store();
        repeat = false;
      }
      return files;
    }

    /**
     * Keeps this upload as a recent one, its files read under {@code key}; call once its request
     * was answered. A repeat is kept already.
     */
    void answered(String key) {
      if (repeat || answered || key == null || stored.isEmpty()) {
        return;
      }
      answered = true;
      try {
        long bytes = 0;
        for (Path p : stored) {
          bytes += Files.size(p);
        }
        // uploads being read into memory at once take at most the budget too; past it, not kept
        long taken = bytes;
        if (!reserve(taken)) {
          return;
        }
        try {
          List<Part> parts = new ArrayList<>();
          for (int i = 0; i < stored.size(); i++) {
            parts.add(new Part(fields.get(i), labels.get(i), Files.readAllBytes(stored.get(i))));
          }
          remember(
              signature(read, fields.get(0), labels.get(0)), new Recent(List.copyOf(parts), key, bytes));
        } finally {
          loading.addAndGet(-taken);
        }
      } catch (IOException e) {
        // not kept: the next identical upload is read as a new one
      }
    }

    @Override
    public void close() {
      files.close();
    }

    /** Takes the reader's parts: one at a time, compared or written. */
    private final class PartReader implements MultipartReader.Handler {
      /** The recent part being compared with, and how far it matched; null when writing. */
      private byte[] against;
      private long at;

      @Override
      public void startPart(Map<String, String> headers) throws IOException {
        begin(headers);
      }

      private void begin(Map<String, String> headers) throws IOException {
        PartFiles.Named part = partFiles.next(headers);
        String field = part.field();
        String label = part.label();
        int i = stored.size();
        fields.add(field);
        labels.add(label);
        names.add(part.name());
        stored.add(null);
        if (i == 0) {
          same = recent(signature(read, field, label));
        }
        against = null;
        at = 0;
        if (same != null && i < same.parts().size()) {
          Part p = same.parts().get(i);
          if (p.field().equals(field) && p.label().equals(label)) {
            against = p.bytes();
            return;
          }
        }
        write(i, 0);
      }

      /** Writes part {@code i} from here on, starting with the recent part's first bytes. */
      private void write(int i, long prefix) {
        Path path = files.dir().resolve(names.get(i));
        partFiles.open(path);
        stored.set(i, path);
        if (prefix > 0) {
          partFiles.write(against, 0, (int) prefix);
        }
        against = null;
      }

      @Override
      public void content(byte[] array, int from, int n) throws IOException {
        int i = stored.size() - 1;
        if (against != null
            && (at + n > against.length
                || Arrays.mismatch(array, from, from + n, against, (int) at, (int) at + n) >= 0)) {
          write(i, at);
        }
        if (against != null) {
          at += n;
        } else {
          partFiles.write(array, from, n);
        }
      }

      @Override
      public void endPart() throws IOException {
        if (against != null && at != against.length) {
          write(stored.size() - 1, at); // a shorter part that matched so far
        }
        closePart();
      }

      void closePart() {
        partFiles.close();
        against = null;
      }
    }
  }
}
