package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both upload paths, the one-shot comparison ({@link RepeatedUploads}) and the dataset upload
 * ({@link UploadReceiver}), read bodies with {@link MultipartReader} and keep every check: too many
 * parts, a wrong boundary, a body cut short and a chunked body over the cap are refused with the
 * right status, nothing of them is left on disk; a preamble, an epilogue, LF line ends and an empty
 * file beside a real one are read as Jetty's reader read them, and answer what the plain upload
 * answers.
 */
class MultipartUploadTest {
  @TempDir static Path tmp;
  static TestServer server;
  static String csv;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(tmp.resolve("server"), s -> s.withMaxUploadBytes(256 * 1024));
    Path usage = UsageFiles.sessions(tmp.resolve("u.csv"), 5, LocalDate.of(2025, 1, 1), 30, 3, List.of());
    csv = Files.readString(usage);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> raw(String path, String boundary, String body) {
    return server.send(
        server.request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/comparisons", "/api/datasets"})
  void badBodiesAreRefusedAndLeaveNothingBehind(String path) {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 65; i++) {
      many.append("--b\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"").append(i)
          .append(".csv\"\r\n\r\n").append(csv).append("\r\n");
    }
    many.append("--b--\r\n");
    HttpResponse<String> tooMany = raw(path, "b", many.toString());
    assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
    assertThat(TestServer.json(tooMany).get("detail").asText()).contains("at most 64 parts");

    String one = "--b\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"a.csv\"\r\n\r\n" + csv + "\r\n--b--\r\n";
    HttpResponse<String> wrongBoundary = raw(path, "c", one);
    assertThat(wrongBoundary.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(wrongBoundary).get("detail").asText()).contains("malformed multipart body");

    HttpResponse<String> cut = raw(path, "b", one.substring(0, one.length() - 10));
    assertThat(cut.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(cut).get("detail").asText()).contains("Incomplete Multipart");

    String noName = "--b\r\nContent-Disposition: form-data; filename=\"a.csv\"\r\n\r\nx\r\n--b--\r\n";
    assertThat(raw(path, "b", noName).statusCode()).isEqualTo(400);

    byte[] big = ("--b\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"big.csv\"\r\n\r\n"
            + csv.repeat(1 + 300 * 1024 / csv.length()) + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> chunked = server.send(
        server.request(path)
            .header("Content-Type", "multipart/form-data; boundary=b")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
            .build());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(server.leftovers()).isEmpty();
  }

  @Test
  void theBoundaryParameterIsNamedInAnyCaseAndItsValueKeptAsSent() {
    assertThat(RepeatedUploads.boundary("multipart/form-data; boundary=abc")).isEqualTo("abc");
    assertThat(RepeatedUploads.boundary("multipart/form-data; Boundary=abc")).isEqualTo("abc");
    assertThat(RepeatedUploads.boundary("Multipart/Form-Data; BOUNDARY=\"AbC d\"; charset=UTF-8"))
        .isEqualTo("AbC d");
    assertThat(RepeatedUploads.boundary("multipart/form-data; charset=UTF-8")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/comparisons", "/api/datasets"})
  void aBoundaryNamedInCapitalsIsReadAsALowerCaseOne(String path) {
    String body = "--Xy\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"cap.csv\"\r\n\r\n"
        + csv + "\r\n--Xy--\r\n";
    HttpResponse<String> lower = raw(path, "Xy", body);
    assertThat(lower.statusCode()).as(lower.body()).isIn(200, 201);
    for (String type : List.of("multipart/form-data; Boundary=Xy", "multipart/form-data; BOUNDARY=\"Xy\"")) {
      HttpResponse<String> capital = server.send(
          server.request(path)
              .header("Content-Type", type)
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build());
      assertThat(capital.statusCode()).as(type + ": " + capital.body()).isIn(200, 201);
      if (path.equals("/api/comparisons")) {
        assertThat(capital.body()).isEqualTo(lower.body());
      } else {
        assertThat(TestServer.json(capital).get("id")).isEqualTo(TestServer.json(lower).get("id"));
      }
    }
    assertThat(server.leftovers()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/comparisons", "/api/datasets"})
  void preambleEpilogueAndLfLineEndsReadAsAPlainUploadAndAnEmptyFileIsNamed(String path) {
    String plain = "--b\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"a.csv\"\r\n\r\n" + csv + "\r\n--b--\r\n";
    String odd = "a preamble --b that is no delimiter\r\n"
        + "--b  \n"
        + "content-disposition:   form-data; name=\"usage\"; filename=\"a.csv\"\nContent-Type: text/csv\n\n"
        + csv + "\r\n--b--\r\nan epilogue\r\n--b\r\nnot a part";
    HttpResponse<String> expected = raw(path, "b", plain);
    HttpResponse<String> actual = raw(path, "b", odd);
    assertThat(expected.statusCode()).as(expected.body()).isIn(200, 201);
    assertThat(actual.statusCode()).as(actual.body()).isIn(200, 201);
    if (path.equals("/api/comparisons")) {
      assertThat(actual.body()).isEqualTo(expected.body());
    } else {
      // the same content: the same dataset
      assertThat(TestServer.json(actual).get("id")).isEqualTo(TestServer.json(expected).get("id"));
    }

    // an empty part directly followed by the next delimiter is an empty file, named as sent
    String empty = "--b\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"empty.csv\"\r\n\r\n"
        + "--b\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"a.csv\"\r\n\r\n" + csv + "\r\n--b--\r\n";
    HttpResponse<String> withEmpty = raw(path, "b", empty);
    assertThat(withEmpty.statusCode()).as(withEmpty.body()).isEqualTo(422);
    assertThat(TestServer.json(withEmpty).get("detail").asText()).isEqualTo("empty.csv: the file is empty (0 bytes)");
    assertThat(server.leftovers()).isEmpty();
  }
}
