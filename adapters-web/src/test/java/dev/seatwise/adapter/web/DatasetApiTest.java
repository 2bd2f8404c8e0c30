package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored datasets: upload once, analyse many times, over a real server on a loopback port. */
class DatasetApiTest {
  @TempDir static Path tmp;
  static TestServer server;
  static Path usage;

  /** The analyses with the same parameters on both paths. */
  static final List<String> ANALYSES =
      List.of(
          "comparisons?from=2025-01-01&to=2025-05-01",
          "comparisons?format=csv",
          "concurrency?refusalRate=0.05",
          "forecasts?asOf=2025-05-01&from=2025-01-01&to=2025-05-01&horizonMonths=6&simulations=200&seed=3",
          "reviews?asOf=2025-05-01&from=2025-01-01&to=2025-05-01");

  @BeforeAll
  static void start() {
    server = new TestServer(tmp.resolve("server"));
    usage =
        UsageFiles.sessions(
            tmp.resolve("acme usage.csv"),
            25,
            LocalDate.of(2025, 1, 1),
            120,
            11,
            List.of(UsageFiles.XSS_USER, UsageFiles.FORMULA_USER));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyAnalysisOfAStoredDatasetAnswersWhatTheOneShotUploadAnswers() {
    HttpResponse<String> created = server.post("/api/datasets", new Multipart().file("usage", usage));
    assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
    JsonNode d = TestServer.json(created);
    String id = d.get("id").asText();
    assertThat(id).matches("[0-9a-f]{64}");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/datasets/" + id);
    assertThat(d.get("files").get(0).get("file").asText()).isEqualTo("acme usage.csv");
    assertThat(d.get("import").get("rowsRead").asLong())
        .isEqualTo(d.get("import").get("accepted").asLong() + d.get("import").get("rejected").asLong())
        .isPositive();
    for (String analysis : ANALYSES) {
      String name = analysis.substring(0, analysis.indexOf('?'));
      String query = analysis.substring(analysis.indexOf('?'));
      HttpResponse<String> once = server.post("/api/" + name + query, new Multipart().file("usage", usage));
      HttpResponse<String> stored = server.postExample("/api/datasets/" + id + "/" + name + query);
      assertThat(once.statusCode()).as(once.body()).isEqualTo(200);
      assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
      assertThat(stored.headers().firstValue("Content-Type"))
          .isEqualTo(once.headers().firstValue("Content-Type"));
      assertThat(stored.body()).as(analysis).isEqualTo(once.body());
      assertThat(stored.body()).doesNotContain(tmp.toString()).doesNotContain("usage-1");
    }
    assertThat(server.leftovers()).isEmpty();
  }

  @Test
  void theSameContentIsStoredOnceUnderTheSameIdAndAnotherZoneIsAnotherDataset() {
    HttpResponse<String> first = server.post("/api/datasets", new Multipart().file("usage", "a.csv", csv(3)));
    HttpResponse<String> again = server.post("/api/datasets", new Multipart().file("usage", "b.csv", csv(3)));
    HttpResponse<String> paris =
        server.post("/api/datasets?zone=Europe/Paris", new Multipart().file("usage", "a.csv", csv(3)));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    String id = TestServer.json(first).get("id").asText();
    assertThat(TestServer.json(again).get("id").asText()).isEqualTo(id);
    assertThat(TestServer.json(again).get("files").get(0).get("file").asText()).isEqualTo("a.csv");
    assertThat(TestServer.json(paris).get("id").asText()).isNotEqualTo(id);
    HttpResponse<String> got = server.get("/api/datasets/" + id);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(got).get("analyses").get("comparisons").asText())
        .isEqualTo("/api/datasets/" + id + "/comparisons");
  }

  @Test
  void anUnknownOrMalformedIdAnUnknownAnalysisAndAnUnknownJobAre404() {
    String unknown = "0".repeat(64);
    for (String path :
        List.of(
            "/api/datasets/" + unknown + "/comparisons",
            "/api/datasets/" + unknown.toUpperCase() + "/comparisons",
            "/api/datasets/..%2F..%2Fetc/comparisons",
            "/api/datasets/abc/comparisons")) {
      HttpResponse<String> r = server.postExample(path);
      assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(server.get("/api/datasets/" + unknown).statusCode()).isEqualTo(404);
    assertThat(server.get("/api/jobs/" + "0".repeat(32)).statusCode()).isEqualTo(404);
    assertThat(server.get("/api/jobs/..").statusCode()).isEqualTo(404);
    String id = TestServer.json(server.post("/api/datasets", new Multipart().file("usage", "c.csv", csv(4)))).get("id").asText();
    HttpResponse<String> r = server.postExample("/api/datasets/" + id + "/sensitivity");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(TestServer.json(r).get("title").asText()).isEqualTo("Unknown analysis");
    HttpResponse<String> gone = server.send(server.request("/api/datasets/" + id).DELETE().build());
    assertThat(gone.statusCode()).isEqualTo(204);
    assertThat(server.postExample("/api/datasets/" + id + "/comparisons").statusCode()).isEqualTo(404);
  }

  @Test
  void anUnreadableUploadIsAProblemAndIsNotStored() {
    String bad = "user,product,start,end\nb@x.com,ACD,not-a-time,2025-01-06T10:00:00Z\n";
    HttpResponse<String> r =
        server.post("/api/datasets?strict=true", new Multipart().file("usage", "bad.csv", bad));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(TestServer.json(r).get("file").asText()).isEqualTo("bad.csv");
    assertThat(r.body()).doesNotContain(tmp.toString());
    HttpResponse<String> none = server.postExample("/api/datasets");
    assertThat(none.statusCode()).isEqualTo(415);
  }

  @Test
  void aJobReportsItsProgressAndEndsWithTheSameResult() throws InterruptedException {
    String id = TestServer.json(server.post("/api/datasets", new Multipart().file("usage", usage))).get("id").asText();
    String query = "comparisons?from=2025-01-01&to=2025-05-01";
    HttpResponse<String> sync = server.postExample("/api/datasets/" + id + "/" + query);
    HttpResponse<String> accepted = server.postExample("/api/datasets/" + id + "/" + query + "&async=true");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonNode job = TestServer.json(accepted);
    assertThat(job.get("status").asText()).isIn("queued", "running", "done");
    assertThat(job.get("analysis").asText()).isEqualTo("comparisons");
    String location = accepted.headers().firstValue("Location").orElseThrow();
    assertThat(location).isEqualTo("/api/jobs/" + job.get("id").asText()).matches("/api/jobs/[0-9a-f]{32}");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!List.of("done", "failed").contains(job.get("status").asText()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      job = TestServer.json(server.get(location));
      assertThat(job.get("elapsedMs").asLong()).isNotNegative();
    }
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("done");
    assertThat(job.get("result")).isEqualTo(TestServer.json(sync));
    HttpResponse<String> csvJob = server.postExample("/api/datasets/" + id + "/comparisons?format=csv&async=true");
    assertThat(csvJob.statusCode()).isEqualTo(400);
  }

  /**
   * A long poll ({@code ?wait=S}) answers when the job moves to another phase or ends, not after
   * the wait: following a job takes one poll per phase it passes through, not one per interval.
   */
  @Test
  void aJobCanBeFollowedByLongPollsThatAnswerWhenItMoves() {
    String id = TestServer.json(server.post("/api/datasets", new Multipart().file("usage", usage))).get("id").asText();
    String query = "comparisons?from=2025-01-01&to=2025-04-01";
    HttpResponse<String> sync = server.postExample("/api/datasets/" + id + "/" + query);
    HttpResponse<String> accepted = server.postExample("/api/datasets/" + id + "/" + query + "&async=true");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    JsonNode job = TestServer.json(accepted);
    List<String> seen = new java.util.ArrayList<>(List.of(job.get("phase").asText()));
    // queued, reading, analysing, done: at most four moves, each answered by one poll (a poll that
    // waited its full 20 s would be a fifth and fail the bound below only if the job then ended)
    for (int poll = 0; poll < 5 && !List.of("done", "failed").contains(job.get("status").asText()); poll++) {
      HttpResponse<String> r = server.get(location + "?wait=20");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      job = TestServer.json(r);
      seen.add(job.get("phase").asText());
    }
    assertThat(job.get("status").asText()).as("phases seen: " + seen).isEqualTo("done");
    assertThat(job.get("result")).isEqualTo(TestServer.json(sync));
    // each answer of a poll showed a phase the previous one had not (no answer without a move)
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i)).as("phases seen: " + seen).isNotEqualTo(seen.get(i - 1));
    }
    // an ended job is answered at once, whatever the wait
    long t = System.nanoTime();
    JsonNode again = TestServer.json(server.get(location + "?wait=20"));
    assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(15));
    assertThat(again.get("status").asText()).isEqualTo("done");
    for (String bad : List.of("21", "-1", "soon")) {
      HttpResponse<String> r = server.get(location + "?wait=" + bad);
      assertThat(r.statusCode()).as(bad + " " + r.body()).isEqualTo(400);
    }
  }

  @Test
  void aFailingJobHoldsTheProblemTheSynchronousCallAnswers() throws InterruptedException {
    String id = TestServer.json(server.post("/api/datasets", new Multipart().file("usage", "d.csv", csv(5)))).get("id").asText();
    HttpResponse<String> badParam = server.postExample("/api/datasets/" + id + "/forecasts?horizonMonths=0&async=true");
    assertThat(badParam.statusCode()).isEqualTo(400); // parameters are checked before a job starts
    // every row rejected: the dataset is stored (the import report lists the rejections), but
    // there is nothing to compare
    String rejected = "user,product,start,end\nb@x.com,ACD,not-a-time,2025-01-06T10:00:00Z\n";
    HttpResponse<String> stored = server.post("/api/datasets", new Multipart().file("usage", "rejected.csv", rejected));
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    assertThat(TestServer.json(stored).get("import").get("rejected").asLong()).isEqualTo(1);
    String empty = TestServer.json(stored).get("id").asText();
    HttpResponse<String> sync = server.postExample("/api/datasets/" + empty + "/comparisons");
    assertThat(sync.statusCode()).as(sync.body()).isEqualTo(422);
    HttpResponse<String> accepted = server.postExample("/api/datasets/" + empty + "/comparisons?async=true");
    assertThat(accepted.statusCode()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    JsonNode job = TestServer.json(server.get(location));
    for (int i = 0; i < 1200 && !List.of("done", "failed").contains(job.get("status").asText()); i++) {
      Thread.sleep(50);
      job = TestServer.json(server.get(location));
    }
    assertThat(job.get("status").asText()).isEqualTo("failed");
    assertThat(job.get("phase").asText()).isEqualTo("failed");
    assertThat(job.get("problem")).isEqualTo(TestServer.json(sync));
    assertThat(job.has("result")).isFalse();
  }

  @Test
  void theLeastRecentlyUsedDatasetIsEvictedBeyondTheCap(@TempDir Path dir) {
    String a = csv(11);
    String b = csv(12);
    String c = csv(13);
    long cap = Math.max(a.length() + b.length(), a.length() + c.length());
    try (TestServer small = new TestServer(dir, s -> s.withDataMaxBytes(cap))) {
      String idA = id(small.post("/api/datasets", new Multipart().file("usage", "a.csv", a)));
      String idB = id(small.post("/api/datasets", new Multipart().file("usage", "b.csv", b)));
      assertThat(small.postExample("/api/datasets/" + idA + "/comparisons").statusCode()).isEqualTo(200);
      String idC = id(small.post("/api/datasets", new Multipart().file("usage", "c.csv", c)));
      assertThat(small.get("/api/datasets/" + idB).statusCode()).isEqualTo(404);
      assertThat(small.postExample("/api/datasets/" + idA + "/comparisons").statusCode()).isEqualTo(200);
      assertThat(small.postExample("/api/datasets/" + idC + "/comparisons").statusCode()).isEqualTo(200);
      HttpResponse<String> tooBig =
          small.post("/api/datasets", new Multipart().file("usage", "big.csv", a + c.substring(c.indexOf('\n') + 1) + b.substring(b.indexOf('\n') + 1)));
      assertThat(tooBig.statusCode()).as(tooBig.body()).isEqualTo(413);
      assertThat(small.get("/api/datasets/" + idA).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aRestartWithADataDirKeepsTheDatasets(@TempDir Path dir) {
    Path data = dir.resolve("data");
    String id;
    String before;
    String query = "/comparisons?from=2025-01-01&to=2025-05-01";
    try (TestServer first = new TestServer(dir.resolve("one"), s -> s.withDataDir(data))) {
      id = id(first.post("/api/datasets", new Multipart().file("usage", usage)));
      before = first.postExample("/api/datasets/" + id + query).body();
    }
    assertThat(data.resolve("datasets").resolve(id).resolve(DatasetStore.MANIFEST)).exists();
    try (TestServer second = new TestServer(dir.resolve("two"), s -> s.withDataDir(data))) {
      HttpResponse<String> after = second.postExample("/api/datasets/" + id + query);
      assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
      assertThat(after.body()).isEqualTo(before);
      assertThat(TestServer.json(second.get("/api/datasets/" + id)).get("files").get(0).get("file").asText())
          .isEqualTo("acme usage.csv");
    }
  }

  @Test
  void withoutADataDirTheDatasetsGoWithTheServer(@TempDir Path dir) throws Exception {
    Path folder;
    try (TestServer temp = new TestServer(dir)) {
      String id = id(temp.post("/api/datasets", new Multipart().file("usage", "e.csv", csv(6))));
      folder = findDataset(id);
      assertThat(folder).isDirectory();
    }
    assertThat(Files.exists(folder)).isFalse();
  }

  @Test
  void aBundledExampleCanBeStored() {
    HttpResponse<String> r = server.send(server.request("/api/datasets?example=test-org").POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    String id = id(r);
    HttpResponse<String> c = server.postExample("/api/datasets/" + id + "/comparisons");
    assertThat(c.body()).isEqualTo(server.postExample("/api/comparisons?example=test-org").body());
  }

  private static Path findDataset(String id) throws Exception {
    Path tmpRoot = Path.of(System.getProperty("java.io.tmpdir"));
    try (var s = Files.list(tmpRoot)) {
      return s.filter(p -> p.getFileName().toString().startsWith("seatwise-datasets-"))
          .map(p -> p.resolve(id))
          .filter(Files::isDirectory)
          .findFirst()
          .orElseThrow();
    }
  }

  private static String id(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    return TestServer.json(r).get("id").asText();
  }

  /**
   * The per-client cap on analyses in flight covers the dataset endpoints: while a one-shot upload
   * holds this client's only place, storing a dataset and analysing one (answered now or as a
   * job) are 429 with Retry-After; a job holds its place until it ends, and gives it back then.
   */
  @Test
  void aClientsAnalysesInFlightAreCappedOnDatasetsAndJobsToo(@TempDir Path dir) throws Exception {
    try (TestServer capped = new TestServer(dir, s -> s.withMaxAnalysesPerClient(1))) {
      String id = TestServer.json(capped.post("/api/datasets", new Multipart().file("usage", "e.csv", csv(6)))).get("id").asText();
      String analysis = "/api/datasets/" + id + "/comparisons";
      // a one-shot upload that has announced its body and sent part of it holds the place (20 KB up
      // front keep it above the server's minimum upload rate for about 20 s). The test waits until
      // the server has taken the place for it before asking anything else: a request sent sooner
      // could take the place first and have the upload refused (that race, in this test, was the
      // cause of its failures, not the server)
      assertThat(capped.server.analysesInFlight("127.0.0.1")).isZero();
      try (java.net.Socket upload = new java.net.Socket("127.0.0.1", capped.server.port())) {
        upload.getOutputStream().write(("POST /api/comparisons HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 100000\r\n\r\n"
            + "--xyz\r\nContent-Disposition: form-data; name=\"usage\"; filename=\"h.csv\"\r\n\r\n"
            + "a".repeat(20_000)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        upload.getOutputStream().flush();
        awaitInFlight(capped, 1);
        HttpResponse<String> refused = capped.postExample(analysis);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(TestServer.json(refused).get("detail").asText()).contains("1 analyses in progress");
        assertThat(capped.postExample(analysis + "?async=true").statusCode()).isEqualTo(429);
        assertThat(capped.post("/api/datasets", new Multipart().file("usage", "f.csv", csv(7))).statusCode())
            .isEqualTo(429);
        assertThat(capped.server.analysesInFlight("127.0.0.1")).isEqualTo(1); // refusals hold none
      }
      // the upload is gone: its place comes back (once the server has seen the connection close);
      // a job holds it until it ends
      awaitInFlight(capped, 0);
      HttpResponse<String> accepted = capped.postExample(analysis + "?async=true");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      String location = accepted.headers().firstValue("Location").orElseThrow();
      JsonNode job = TestServer.json(accepted);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!job.get("status").asText().equals("done") && System.nanoTime() < deadline) {
        Thread.sleep(50);
        job = TestServer.json(capped.get(location));
      }
      assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("done");
      // the job gave its place back before it showed as done: the next request may follow at once
      assertThat(capped.server.analysesInFlight("127.0.0.1")).isZero();
      HttpResponse<String> after = capped.postExample(analysis);
      assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
      assertThat(TestServer.json(after)).isEqualTo(job.get("result"));
    }
  }

  /** Waits (at most 30 s) until the server counts {@code n} analyses in flight for this client. */
  private static void awaitInFlight(TestServer server, int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (server.server.analysesInFlight("127.0.0.1") != n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(server.server.analysesInFlight("127.0.0.1")).isEqualTo(n);
  }

  /** A small sessions CSV, different for each seed. */
  private static String csv(int seed) {
    StringBuilder b = new StringBuilder("user,product,start,end\n");
    for (int i = 0; i < 20 + seed; i++) {
      int day = 6 + i % 20;
      b.append("u").append(seed).append('-').append(i % 7).append("@x.com,ACD,2025-01-")
          .append(String.format("%02d", day)).append("T08:00:00Z,2025-01-")
          .append(String.format("%02d", day)).append("T10:00:00Z\n");
    }
    return b.toString();
  }
}
