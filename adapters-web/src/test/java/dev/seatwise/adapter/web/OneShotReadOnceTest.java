package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatwise.adapter.json.JsonMapperFactory;
import dev.seatwise.adapter.web.config.WebComposition;
import dev.seatwise.adapter.web.config.WebMain;
import dev.seatwise.application.port.in.ListCatalogsUseCase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-shot uploads are read once: the same files under the same names, read the same way, are
 * analysed from what the first request read (while it stays among the uploads kept in memory),
 * and answer exactly what a fresh read answers, naming the files as each request names them.
 */
class OneShotReadOnceTest {
  /** Two good rows and one bad one (lenient: listed under the import's rejections by file name). */
  private static final String CSV =
      "user,product,start,end\n"
          + "a@x.com,ACD,2025-01-06T08:00:00Z,2025-01-06T10:00:00Z\n"
          + "b@x.com,ACD,2025-01-07T08:00:00Z,2025-01-07T09:00:00Z\n"
          + "c@x.com,ACD,not-a-time,2025-01-07T09:00:00Z\n";

  /** The web's use cases, counting how often a request's files are read. */
  private static final class CountingUseCases implements WebUseCases {
    final WebComposition real = new WebComposition(WebMain.bundledExamples());
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public AnalysisScope over(AnalysisInputs inputs, ReadOptions options) {
      reads.incrementAndGet();
      return real.over(inputs, options);
    }

    @Override
    public ListCatalogsUseCase catalogs() {
      return real.catalogs();
    }

    @Override
    public List<ExampleData> examples() {
      return real.examples();
    }
  }

  @Test
  void theSameUploadIsReadOnceAndAnsweredAsAFreshReadWould(@TempDir Path tmp) throws Exception {
    CountingUseCases useCases = new CountingUseCases();
    WebServer server =
        new WebServer(WebSettings.loopback(0, tmp.resolve("uploads")), useCases, JsonMapperFactory.create())
            .start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + server.port() + "/api/comparisons";
      HttpResponse<String> first = post(http, base, "a.csv", CSV);
      HttpResponse<String> second = post(http, base, "a.csv", CSV);
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(second.body()).isEqualTo(first.body());
      assertThat(useCases.reads).hasValue(1);
      // each request has a boundary of its own (as browsers and curl make): still a repeat
      assertThat(server.repeatedBodies()).isEqualTo(1);
      JsonNode rejections = TestServer.JSON.readTree(first.body()).get("import").get("rejections");
      assertThat(rejections.toString()).contains("a.csv").doesNotContain(tmp.toString());

      // the same content under another name: read again, and named as this request names it
      HttpResponse<String> renamed = post(http, base, "b.csv", CSV);
      assertThat(useCases.reads).hasValue(2);
      assertThat(renamed.body()).contains("b.csv").doesNotContain("a.csv");
      assertThat(renamed.body().replace("b.csv", "a.csv")).isEqualTo(first.body());

      // read another way (another zone), or other content: read again
      post(http, base + "?zone=Europe/Paris", "a.csv", CSV);
      assertThat(useCases.reads).hasValue(3);
      post(http, base, "a.csv", CSV + "d@x.com,ACD,2025-01-08T08:00:00Z,2025-01-08T09:00:00Z\n");
      assertThat(useCases.reads).hasValue(4);

      // a read that fails is not kept: the next identical request reads again and fails alike
      HttpResponse<String> strict = post(http, base + "?strict=true", "a.csv", CSV);
      HttpResponse<String> strictAgain = post(http, base + "?strict=true", "a.csv", CSV);
      assertThat(strict.statusCode()).as(strict.body()).isEqualTo(422);
      assertThat(strictAgain.body()).isEqualTo(strict.body()).contains("a.csv").doesNotContain(tmp.toString());
      assertThat(useCases.reads).hasValue(6);
    } finally {
      server.close();
    }
  }

  @Test
  void aRepeatedBodyIsComparedNotParsedAndOtherBytesAreNeverConfused(@TempDir Path tmp) throws Exception {
    CountingUseCases useCases = new CountingUseCases();
    // one upload kept in memory: a stored dataset then pushes a one-shot upload out
    WebSettings settings =
        new WebSettings(WebSettings.DEFAULT_HOST, 0, Optional.empty(), WebSettings.DEFAULT_MAX_UPLOAD_BYTES,
            WebSettings.DEFAULT_REQUEST_TIMEOUT, 2, WebSettings.DEFAULT_QUEUE, tmp.resolve("uploads"),
            Optional.empty(), WebSettings.DEFAULT_DATA_MAX_BYTES, 1);
    WebServer server = new WebServer(settings, useCases, JsonMapperFactory.create()).start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + server.port() + "/api/comparisons";
      Multipart a = new Multipart().file("usage", "a.csv", CSV);
      HttpResponse<String> first = send(http, base, a.contentType(), a.bytes());
      HttpResponse<String> again = send(http, base, a.contentType(), a.bytes());
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(again.body()).isEqualTo(first.body());
      assertThat(useCases.reads).hasValue(1);
      assertThat(server.repeatedBodies()).isEqualTo(1);
      assertThat(first.body()).contains("a.csv").doesNotContain(tmp.toString());

      // the same boundary and length, one byte different: a new body, read and answered as such
      byte[] other = a.bytes().clone();
      int at = new String(other, StandardCharsets.UTF_8).indexOf("b@x.com");
      other[at] = 'e';
      HttpResponse<String> changed = send(http, base, a.contentType(), other);
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
      assertThat(changed.body()).contains("e@x.com").doesNotContain("b@x.com");
      assertThat(useCases.reads).hasValue(2);
      assertThat(server.repeatedBodies()).isEqualTo(1);

      // the first body again: compared with the changed one (now the recent body of that length)
      // up to the byte that differs, then parsed from the copy; its files are still in memory
      HttpResponse<String> back = send(http, base, a.contentType(), a.bytes());
      assertThat(back.body()).isEqualTo(first.body());
      assertThat(server.repeatedBodies()).isEqualTo(1);

      // the same bytes read another way: not a repeat
      HttpResponse<String> paris = send(http, base + "?zone=Europe/Paris", a.contentType(), a.bytes());
      assertThat(paris.statusCode()).as(paris.body()).isEqualTo(200);
      assertThat(server.repeatedBodies()).isEqualTo(1);

      // a body whose read failed is never recognised: both are read, and fail alike
      Multipart s = new Multipart().file("usage", "s.csv", CSV);
      HttpResponse<String> strict = send(http, base + "?strict=true", s.contentType(), s.bytes());
      HttpResponse<String> strictAgain = send(http, base + "?strict=true", s.contentType(), s.bytes());
      assertThat(strict.statusCode()).as(strict.body()).isEqualTo(422);
      assertThat(strictAgain.body()).isEqualTo(strict.body()).contains("s.csv").doesNotContain(tmp.toString());
      assertThat(server.repeatedBodies()).isEqualTo(1);

      // a repeat whose files left memory (a stored dataset took the one place): read again from
      // the copy of the body, answered alike
      Multipart p = new Multipart().file("usage", "p.csv", CSV + "z@x.com,ACD,2025-01-09T08:00:00Z,2025-01-09T09:00:00Z\n");
      HttpResponse<String> pFirst = send(http, base, p.contentType(), p.bytes());
      int reads = useCases.reads.get();
      Multipart d = new Multipart().file("usage", "d.csv", CSV.replace("a@x.com", "q@x.com"));
      assertThat(send(http, base.replace("/comparisons", "/datasets"), d.contentType(), d.bytes()).statusCode())
          .isEqualTo(201);
      HttpResponse<String> pAgain = send(http, base, p.contentType(), p.bytes());
      assertThat(pAgain.body()).isEqualTo(pFirst.body());
      assertThat(server.repeatedBodies()).isEqualTo(2);
      assertThat(useCases.reads).hasValue(reads + 2);
    } finally {
      server.close();
    }
    assertThat(tmp.resolve("uploads")).doesNotExist();
  }

  @Test
  void fileNamesAreReadAsTheDatasetUploadReadsThem(@TempDir Path tmp) throws Exception {
    CountingUseCases useCases = new CountingUseCases();
    WebServer server =
        new WebServer(WebSettings.loopback(0, tmp.resolve("uploads")), useCases, JsonMapperFactory.create())
            .start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + server.port() + "/api";
      // as clients send them: quoted with escapes, unquoted, whole Windows paths, folders, non-ASCII
      List<String> names =
          List.of(
              "\"plain.csv\"",
              "\"a \\\"quoted\\\" name.csv\"",
              "unquoted.csv",
              "\"C:\\Users\\me\\year 2025.csv\"",
              "\"../../etc/passwd\"",
              "\"..\\..\\evil.csv\"",
              "\"j\u00e4ger 2025.csv\"",
              "\"\"");
      for (String name : names) {
        // content of its own: a dataset of the same content keeps its first upload's names
        String csv = CSV.replace("a@x.com", "n" + Math.abs(name.hashCode()) + "@x.com");
        String boundary = "----names" + Math.abs(name.hashCode());
        byte[] body =
            ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"usage\"; filename=" + name
                    + "\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String type = "multipart/form-data; boundary=" + boundary;
        HttpResponse<String> oneShot = send(http, base + "/comparisons", type, body);
        HttpResponse<String> again = send(http, base + "/comparisons", type, body);
        HttpResponse<String> dataset = send(http, base + "/datasets", type, body);
        assertThat(oneShot.statusCode()).as(name + ": " + oneShot.body()).isEqualTo(200);
        assertThat(again.body()).as(name).isEqualTo(oneShot.body());
        assertThat(dataset.statusCode()).as(name + ": " + dataset.body()).isIn(200, 201);
        String read = TestServer.JSON.readTree(oneShot.body()).get("import").get("files").get(0).get("file").asText();
        String stored = TestServer.JSON.readTree(dataset.body()).get("files").get(0).get("file").asText();
        assertThat(read).as(name).isEqualTo(stored).doesNotContain("/").doesNotContain("\\");
        assertThat(oneShot.body()).as(name).doesNotContain(tmp.toString());
      }
      assertThat(server.repeatedBodies()).isEqualTo(names.size());
    } finally {
      server.close();
    }
  }

  @Test
  void partsThatMatchBeforeOneThatDiffersAreAnsweredAsAFreshReadWould(@TempDir Path tmp) throws Exception {
    WebServer server =
        new WebServer(WebSettings.loopback(0, tmp.resolve("a")), new CountingUseCases(), JsonMapperFactory.create())
            .start();
    WebServer fresh =
        new WebServer(WebSettings.loopback(0, tmp.resolve("b")), new CountingUseCases(), JsonMapperFactory.create())
            .start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String path = "/api/comparisons";
      String second = "user,product,start,end\nz@x.com,ACD,2025-01-09T08:00:00Z,2025-01-09T12:00:00Z\n";
      String other = "user,product,start,end\ny@x.com,ACD,2025-01-10T08:00:00Z,2025-01-10T12:00:00Z\n";
      Multipart two = new Multipart().file("usage", "a.csv", CSV).file("usage", "b.csv", second);
      assertThat(send(http, url(server, path), two.contentType(), two.bytes()).statusCode()).isEqualTo(200);
      // the first part equals the recent upload's, the second does not; then one part more
      for (Multipart m :
          List.of(
              new Multipart().file("usage", "a.csv", CSV).file("usage", "b.csv", other),
              new Multipart().file("usage", "a.csv", CSV).file("usage", "b.csv", second)
                  .file("usage", "c.csv", other),
              new Multipart().file("usage", "a.csv", CSV))) {
        HttpResponse<String> answered = send(http, url(server, path), m.contentType(), m.bytes());
        HttpResponse<String> freshly = send(http, url(fresh, path), m.contentType(), m.bytes());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.body()).isEqualTo(freshly.body());
      }
      assertThat(server.repeatedBodies()).isZero();
    } finally {
      server.close();
      fresh.close();
    }
  }

  private static String url(WebServer server, String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private static HttpResponse<String> send(HttpClient http, String url, String contentType, byte[] body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(HttpClient http, String url, String name, String csv)
      throws Exception {
    Multipart body = new Multipart().file("usage", name, csv);
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", body.contentType())
            .POST(body.publisher())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
