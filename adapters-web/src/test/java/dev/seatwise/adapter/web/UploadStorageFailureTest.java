package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When the server cannot write an upload to its own storage (a full disk, a folder that became
 * unwritable), the answer is the server's fault: {@code 507} for lack of space, else {@code 500},
 * an RFC 7807 problem naming no server path, and nothing of the upload is left on disk. On the
 * one-shot path ({@link RepeatedUploads}, also when it writes the bytes a recent upload matched) and
 * the dataset path ({@link UploadReceiver}). A body that breaks the format is still the client's
 * fault (4xx), whatever the disk would have done.
 */
class UploadStorageFailureTest {
  private static final List<String> PATHS = List.of("/api/comparisons", "/api/datasets");

  /**
   * The local disk, failing when told: {@code failure} decides, for each new file, whether it
   * cannot be created (a failure before any byte) or fills up after some bytes.
   */
  static final class FailingDisk implements UploadStorage {
    /** What happens to a new file. */
    sealed interface Fault permits Healthy, Refuse, FullAfter, Vanish {}

    record Healthy() implements Fault {}

    /** The file cannot be created. */
    record Refuse(Function<Path, IOException> failure) implements Fault {}

    /** The file is created and takes {@code room} bytes; the next write fails (what fits is written). */
    record FullAfter(long room, IOException failure) implements Fault {}

    /** Writes go nowhere and no file is made: what was "written" cannot be read back. */
    record Vanish() implements Fault {}

    volatile Fault fault = new Healthy();
    /** Every file created, in order. */
    final List<Path> created = new CopyOnWriteArrayList<>();
    /** Bytes actually written to disk before a failure, over every failed file. */
    volatile long writtenBeforeFailure;

    @Override
    public OutputStream create(Path file) throws IOException {
      Fault f = fault;
      if (f instanceof Refuse r) {
        throw r.failure().apply(file);
      }
      if (f instanceof Vanish) {
        return OutputStream.nullOutputStream();
      }
      OutputStream out = UploadStorage.LOCAL_DISK.create(file);
      created.add(file);
      if (!(f instanceof FullAfter full)) {
        return out;
      }
      return new FilterOutputStream(out) {
        long left = full.room();

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          int fits = (int) Math.min(len, left);
          out.write(b, off, fits);
          left -= fits;
          if (fits < len) {
            writtenBeforeFailure += full.room();
            throw full.failure();
          }
        }

        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }
      };
    }
  }

  @TempDir static Path tmp;
  static TestServer server;
  static FailingDisk disk = new FailingDisk();
  static String csv;

  @BeforeAll
  static void start() throws Exception {
    // one upload kept in memory, so that a stored dataset pushes a one-shot upload's files out;
    // a cap of 256 KB, below the room a filling disk is given when the cap is what should stop
    server =
        new TestServer(
            tmp.resolve("server"),
            s ->
                new WebSettings(s.host(), s.port(), s.token(), 256 * 1024,
                    s.requestTimeout(), s.workers(), s.queue(), s.uploadRoot(), Optional.empty(),
                    s.dataMaxBytes(), 1),
            disk);
    Path usage = UsageFiles.sessions(tmp.resolve("u.csv"), 20, LocalDate.of(2025, 1, 1), 30, 3, List.of());
    csv = Files.readString(usage);
    assertThat(csv.length()).isGreaterThan(8 * 1024);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void healthyDisk() {
    disk.fault = new FailingDisk.Healthy();
    disk.created.clear();
    disk.writtenBeforeFailure = 0;
  }

  private static HttpResponse<String> upload(String path, String name, String content) {
    return server.post(path, new Multipart().file("usage", name, content));
  }

  /** The answer is a problem of {@code status} on {@code path}, naming none of the server's folders. */
  private static JsonNode problem(HttpResponse<String> answer, int status, String path) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue(ProblemTranslator.PROBLEM_JSON);
    assertThat(answer.body()).doesNotContain(tmp.toString()).doesNotContain("usage-1");
    JsonNode p = TestServer.json(answer);
    assertThat(p.get("type").asText()).isEqualTo("about:blank");
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("instance").asText()).isEqualTo(path);
    assertThat(p.get("detail").asText()).contains("nothing of it was kept").containsPattern("ref [0-9a-f-]{36}");
    return p;
  }

  /** No file the disk created is left, nor any request's folder. */
  private static void nothingLeft() {
    assertThat(disk.created).allSatisfy(f -> assertThat(f).doesNotExist());
    assertThat(server.leftovers()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/comparisons", "/api/datasets"})
  void aDiskThatFillsUpMidPartIsInsufficientStorageAndTheServersFault(String path) {
    disk.fault = new FailingDisk.FullAfter(4096, new IOException("No space left on device"));
    HttpResponse<String> full = upload(path, "full-" + path.length() + ".csv", csv);
    JsonNode p = problem(full, 507, path);
    assertThat(p.get("title").asText()).isEqualTo("Insufficient storage");
    assertThat(p.get("detail").asText()).startsWith("the server has no space left to store the upload");
    // the part was begun on disk, then removed with the request's folder
    assertThat(disk.created).hasSize(1);
    assertThat(disk.writtenBeforeFailure).isEqualTo(4096);
    nothingLeft();

    // space again: the same upload is answered, and was not remembered as a failure
    disk.fault = new FailingDisk.Healthy();
    HttpResponse<String> again = upload(path, "full-" + path.length() + ".csv", csv);
    assertThat(again.statusCode()).as(again.body()).isIn(200, 201);
    assertThat(server.leftovers()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/comparisons", "/api/datasets"})
  void aFileSystemExceptionOfNoSpaceIsInsufficientStorage(String path) {
    disk.fault =
        new FailingDisk.Refuse(f -> new FileSystemException(f.toString(), null, "No space left on device"));
    JsonNode p = problem(upload(path, "a.csv", csv), 507, path);
    assertThat(p.get("title").asText()).isEqualTo("Insufficient storage");
    nothingLeft();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/comparisons", "/api/datasets"})
  void anUnwritableFolderOrAFailingWriteIsAServerError(String path) {
    disk.fault = new FailingDisk.Refuse(f -> new AccessDeniedException(f.toString()));
    JsonNode denied = problem(upload(path, "a.csv", csv), 500, path);
    assertThat(denied.get("title").asText()).isEqualTo("Cannot store the upload");
    assertThat(denied.get("detail").asText())
        .startsWith("the server could not write the upload to its storage");
    nothingLeft();

    disk.fault = new FailingDisk.FullAfter(100, new IOException("Input/output error"));
    JsonNode broken = problem(upload(path, "b.csv", csv), 500, path);
    assertThat(broken.get("title").asText()).isEqualTo("Cannot store the upload");
    assertThat(disk.writtenBeforeFailure).isEqualTo(100);
    nothingLeft();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/comparisons", "/api/datasets"})
  void aPartThatCannotBeReadBackIsAServerErrorNotABrokenBody(String path) {
    disk.fault = new FailingDisk.Vanish();
    JsonNode p = problem(upload(path, "gone.csv", csv), 500, path);
    assertThat(p.get("title").asText()).isEqualTo("Cannot store the upload");
    nothingLeft();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/comparisons", "/api/datasets"})
  void aBrokenBodyIsStillTheClientsFaultWhateverTheDisk(String path) {
    disk.fault = new FailingDisk.Refuse(f -> new IOException("No space left on device"));
    String one = "--b\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"a.csv\"\r\n\r\n"
        + csv + "\r\n--b--\r\n";
    HttpResponse<String> wrongBoundary = raw(path, "multipart/form-data; boundary=c", one);
    assertThat(wrongBoundary.statusCode()).as(wrongBoundary.body()).isEqualTo(400);
    assertThat(TestServer.json(wrongBoundary).get("detail").asText()).contains("malformed multipart body");

    String unknown = "--b\r\nContent-Disposition: form-data; name=\"other\"; filename=\"a.csv\"\r\n\r\nx\r\n--b--\r\n";
    HttpResponse<String> unknownField = raw(path, "multipart/form-data; boundary=b", unknown);
    assertThat(unknownField.statusCode()).as(unknownField.body()).isEqualTo(400);

    // cut before the first part's content (nothing to write yet)
    String cut = "--b\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"a.csv\"\r\n";
    HttpResponse<String> cutShort = raw(path, "multipart/form-data; boundary=b", cut);
    assertThat(cutShort.statusCode()).as(cutShort.body()).isEqualTo(400);

    // cut after some content: the disk has room, the body is broken
    disk.fault = new FailingDisk.FullAfter(1 << 20, new IOException("No space left on device"));
    HttpResponse<String> cutLater = raw(path, "multipart/form-data; boundary=b", one.substring(0, one.length() - 10));
    assertThat(cutLater.statusCode()).as(cutLater.body()).isEqualTo(400);
    assertThat(TestServer.json(cutLater).get("detail").asText()).contains("Incomplete Multipart");

    // over the cap: announced, 413 before anything is written; chunked, 413 once the cap is
    // passed, before the disk's room is
    byte[] big = ("--b\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"big.csv\"\r\n\r\n"
        + csv.repeat(1 + (int) (server.settings.maxUploadBytes() / csv.length())) + "\r\n--b--\r\n")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(server.settings.maxUploadBytes()).isLessThan(1 << 20);
    disk.fault = new FailingDisk.Refuse(f -> new IOException("No space left on device"));
    HttpResponse<String> announced = server.send(
        server.request(path)
            .header("Content-Type", "multipart/form-data; boundary=b")
            .POST(HttpRequest.BodyPublishers.ofByteArray(big))
            .build());
    assertThat(announced.statusCode()).as(announced.body()).isEqualTo(413);
    disk.fault = new FailingDisk.FullAfter(1 << 20, new IOException("No space left on device"));
    HttpResponse<String> chunked = server.send(
        server.request(path)
            .header("Content-Type", "multipart/form-data; boundary=b")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
            .build());
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    nothingLeft();
  }

  @Test
  void aOneShotUploadThatDiffersFromARecentOneLateIsStillInsufficientStorage() {
    String path = "/api/comparisons";
    Multipart first = new Multipart().file("usage", "late.csv", csv);
    HttpResponse<String> answered = server.post(path, first);
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);

    // the same boundary and name, the last byte of the file changed: compared with the recent
    // upload up to there, then written from its bytes, which the disk has no room for
    byte[] changed = first.bytes().clone();
    int last = new String(changed, StandardCharsets.ISO_8859_1).lastIndexOf("\r\n--") - 2;
    changed[last] = (byte) (changed[last] == '0' ? '1' : '0');
    disk.created.clear();
    disk.fault = new FailingDisk.FullAfter(10, new IOException("No space left on device"));
    HttpResponse<String> full = server.send(
        server.request(path)
            .header("Content-Type", first.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(changed))
            .build());
    JsonNode p = problem(full, 507, path);
    assertThat(p.get("title").asText()).isEqualTo("Insufficient storage");
    assertThat(disk.created).hasSize(1);
    assertThat(disk.writtenBeforeFailure).isEqualTo(10);
    nothingLeft();
  }

  @Test
  void aRepeatWhoseFilesLeftMemoryIsInsufficientStorageWhenWrittenAgain() {
    String path = "/api/comparisons";
    Multipart body = new Multipart().file("usage", "again.csv", csv + "z@x.com,ACD,2025-01-09T08:00:00Z,2025-01-09T09:00:00Z\n");
    HttpResponse<String> first = server.post(path, body);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    // a stored dataset takes the one place in memory: the repeat's files must be written again
    assertThat(upload("/api/datasets", "other.csv", csv + "y@x.com,ACD,2025-01-10T08:00:00Z,2025-01-10T09:00:00Z\n").statusCode())
        .isIn(200, 201);
    long repeats = server.server.repeatedBodies();

    disk.fault = new FailingDisk.Refuse(f -> new FileSystemException(f.toString(), null, "No space left on device"));
    HttpResponse<String> full = server.post(path, body);
    assertThat(server.server.repeatedBodies()).isEqualTo(repeats + 1);
    JsonNode p = problem(full, 507, path);
    assertThat(p.get("title").asText()).isEqualTo("Insufficient storage");
    nothingLeft();

    disk.fault = new FailingDisk.Healthy();
    HttpResponse<String> again = server.post(path, body);
    assertThat(again.body()).isEqualTo(first.body());
  }

  private static HttpResponse<String> raw(String path, String contentType, String body) {
    return server.send(
        server.request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }
}
