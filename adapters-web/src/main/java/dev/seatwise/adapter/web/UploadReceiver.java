package dev.seatwise.adapter.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Receives a {@code multipart/form-data} request into a fresh temporary folder of its own: parts
 * stream to disk as they are read ({@link MultipartReader}; never wholly into memory), each stored under a name the server picks ({@code
 * usage-1.csv}); the client's file name is kept only as a label for messages. Refuses requests over
 * the upload cap (413), other content types (415), unknown fields (400) and parts that are not text
 * (415: NUL bytes or invalid UTF-8 in the first bytes), except .xlsx workbooks (zip archives) in
 * the usage, entitlements and identities fields, which the file adapters read. A body that breaks
 * the multipart format is a 400 (408 when it arrived too slowly); a failure to write it to the
 * server's own storage, or to read back what was written, is a {@link StorageException} (507 when
 * out of space, else 500), never blamed on the body. Either way nothing of the request is kept.
 * Thread-safe.
 */
public final class UploadReceiver {
  public static final String USAGE = "usage";
  public static final String CATALOG = "catalog";
  public static final String ENTITLEMENTS = "entitlements";
  public static final String IDENTITIES = "identities";
  static final Set<String> FIELDS = Set.of(USAGE, CATALOG, ENTITLEMENTS, IDENTITIES);

  /** How many leading bytes of each part are checked for being text. */
  static final int SNIFF_BYTES = 4096;

  static final int MAX_PARTS = 64;
  private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,8}");

  private final Path root;
  private final long maxBytes;
  private final UploadStorage storage;

  /** Writes parts to the local disk under {@code root}. */
  public UploadReceiver(Path root, long maxBytes) {
    this(root, maxBytes, UploadStorage.LOCAL_DISK);
  }

  /** Writes parts through {@code storage}, in folders made under {@code root}. */
  UploadReceiver(Path root, long maxBytes, UploadStorage storage) {
    this.root = root;
    this.maxBytes = maxBytes;
    this.storage = storage;
  }

  /** A fresh naming and writing of one request's parts. */
  PartFiles partFiles() {
    return new PartFiles(storage);
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * A fresh, empty temporary folder for one request (for bundled examples).
   *
   * @throws StorageException when the folder cannot be made
   */
  public RequestUploads empty() {
    try {
      Files.createDirectories(root);
      return new RequestUploads(Files.createTempDirectory(root, "req-"));
    } catch (IOException e) {
      throw new StorageException("cannot create a temporary folder under " + root, e);
    }
  }

  /** Reads the request's parts into a new temporary folder; the caller closes the result. */
  public RequestUploads receive(Context ctx) {
    String contentType = requireMultipart(ctx.contentType());
    checkDeclaredLength(ctx.req().getContentLengthLong());
    InputStream body;
    try {
      body = ctx.req().getInputStream();
    } catch (IOException e) {
      throw brokenBody(e);
    }
    return parse(body, contentType);
  }

  /**
   * The content type when it is {@code multipart/form-data}.
   *
   * @throws ApiProblem 415 otherwise
   */
  static String requireMultipart(String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new ApiProblem(
          415,
          "Unsupported media type",
          "send multipart/form-data with one or more 'usage' file parts"
              + " (and optionally 'catalog', 'entitlements' and 'identities')");
    }
    return contentType;
  }

  /**
   * Parses a {@code multipart/form-data} body (the request's, or a copy of one) into a new
   * temporary folder, with every check of {@link #receive}, reading it with {@link
   * MultipartReader} as the one-shot endpoints do; the caller closes the result.
   */
  RequestUploads parse(InputStream body, String contentType) {
    RequestUploads uploads = empty();
    PartWriter writer = new PartWriter(uploads, partFiles());
    try {
      try {
        new MultipartReader(RepeatedUploads.boundary(contentType), maxBytes, this::tooLarge)
            .read(body, writer);
      } finally {
        writer.closePart();
      }
      writer.check();
      return uploads;
    } catch (IOException e) {
      uploads.close();
      throw brokenBody(e);
    } catch (ApiProblem | StorageException e) {
      uploads.close();
      throw e;
    } catch (RuntimeException e) {
      uploads.close();
      // Jetty stops a body that arrives below the minimum rate with its 408, a runtime failure
      if (tooSlow(e)) {
        throw tooSlow();
      }
      throw ApiProblem.badRequest("malformed multipart body: " + e.getMessage());
    }
  }

  /** Writes each part, as it is read, under a name the server picks, then checks them. */
  private static final class PartWriter implements MultipartReader.Handler {
    private final RequestUploads uploads;
    private final PartFiles parts;
    private final List<String> fields = new ArrayList<>();
    private final List<UploadedSource> sources = new ArrayList<>();

    PartWriter(RequestUploads uploads, PartFiles parts) {
      this.uploads = uploads;
      this.parts = parts;
    }

    @Override
    public void startPart(Map<String, String> headers) throws IOException {
      PartFiles.Named part = parts.next(headers);
      // resolved inside this request's folder; never the client's name
      Path path = uploads.dir().resolve(part.name());
      parts.open(path);
      fields.add(part.field());
      sources.add(new UploadedSource(path, part.label()));
    }

    @Override
    public void content(byte[] bytes, int offset, int length) {
      parts.write(bytes, offset, length);
    }

    @Override
    public void endPart() {
      closePart();
    }

    void closePart() {
      parts.close();
    }

    /** Checks each part as text (or a workbook outside the catalog) and adds it to the uploads. */
    void check() {
      for (int i = 0; i < sources.size(); i++) {
        UploadedSource source = sources.get(i);
        checkStored(source.path(), fields.get(i), source.label());
        uploads.add(fields.get(i), source);
      }
    }
  }

  /**
   * Checks a stored part of {@code field} as text, or as a workbook outside the catalog.
   *
   * @throws ApiProblem 415 when it is neither
   * @throws StorageException when the server cannot read back what it stored
   */
  static void checkStored(Path path, String field, String label) {
    try {
      if (!(isWorkbook(path) && !CATALOG.equals(field))) {
        requireText(path, label);
      }
    } catch (IOException e) {
      throw new StorageException("cannot read back the stored part " + path, e);
    }
  }

  /** A body that could not be read: too slow (408) or broken (400). */
  static ApiProblem brokenBody(IOException e) {
    if (tooSlow(e)) {
      return tooSlow();
    }
    return ApiProblem.badRequest("malformed multipart body: " + e.getMessage());
  }

  /**
   * Whether Jetty stopped the body for arriving below the minimum data rate (its 408), as the
   * failure itself, a cause, or quoted in the message of a wrapper.
   */
  static boolean tooSlow(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jetty.http.BadMessageException b && b.getCode() == 408) {
        return true;
      }
      String message = String.valueOf(t.getMessage());
      if (message.contains("Request content data rate")
          || message.contains("BadMessageException: 408")) {
        return true;
      }
    }
    return false;
  }

  private static ApiProblem tooSlow() {
    return new ApiProblem(408, "Upload too slow", "the upload arrived slower than "
        + WebServer.MIN_UPLOAD_BYTES_PER_SECOND + " bytes per second (the server's minimum upload"
        + " rate) and was stopped; send it again over a faster connection");
  }

  /** 413 before reading a body whose declared length is over the cap. */
  public void checkDeclaredLength(long contentLength) {
    if (contentLength > maxBytes) {
      throw tooLarge();
    }
  }

  ApiProblem tooLarge() {
    return new ApiProblem(
        413,
        "Upload too large",
        "the upload is larger than the " + humanBytes(maxBytes) + " cap (--max-upload-mb)");
  }

  /**
   * The client's file name reduced to a display label: no folders, no control characters, at most
   * 120 characters. Never used as a path.
   */
  static String label(String submitted, String fallback) {
    if (submitted == null) {
      return fallback;
    }
    String name = submitted;
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(cut + 1);
    StringBuilder b = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .forEach(b::appendCodePoint);
    name = b.toString().strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return fallback;
    }
    return name.length() > 120 ? name.substring(0, 120) : name;
  }

  static String extension(String submitted, String field) {
    if (submitted != null) {
      int dot = submitted.lastIndexOf('.');
      if (dot >= 0 && EXTENSION.matcher(submitted.substring(dot + 1)).matches()) {
        return "." + submitted.substring(dot + 1).toLowerCase(Locale.ROOT);
      }
    }
    return CATALOG.equals(field) ? ".yaml" : ".txt";
  }

  /**
   * Whether a part starts like a zip archive ({@code PK\3\4}): an Autodesk export downloaded as
   * .xlsx, which the file adapters read (with their size limit and zip-bomb guards) instead of it
   * being refused as binary. A catalog must still be text.
   */
  static boolean isWorkbook(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] b = in.readNBytes(4);
      return b.length == 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }
  }

  /** Refuses a part whose first bytes are not text: NUL bytes, or invalid UTF-8 without a BOM. */
  static void requireText(Path path, String label) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(path)) {
      head = in.readNBytes(SNIFF_BYTES);
    }
    boolean utf16 =
        head.length >= 2
            && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
                || ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF));
    if (utf16) {
      return;
    }
    for (byte b : head) {
      if (b == 0) {
        throw notText(label, "it contains NUL bytes");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result =
        decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length + 1), true);
    // A multi-byte character cut at the end of the sample is fine; anything else is not UTF-8.
    if (result.isError() && !cutAtEnd(result, head)) {
      throw notText(label, "it is not UTF-8 text");
    }
  }

  private static boolean cutAtEnd(CoderResult result, byte[] head) {
    if (head.length < SNIFF_BYTES || !result.isMalformed()) {
      return false;
    }
    // a clean decode once the last one to three bytes are dropped means only the cut was malformed
    for (int drop = 1; drop <= 3; drop++) {
      try {
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(head, 0, head.length - drop));
        return true;
      } catch (CharacterCodingException e) {
        // try dropping one more byte
      }
    }
    return false;
  }

  private static ApiProblem notText(String label, String why) {
    return new ApiProblem(
        415,
        "Not a text file",
        label + ": " + why + "; upload usage exports, logs and catalogs as plain text (CSV, log, YAML)",
        Optional.of(label));
  }

  static String humanBytes(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
