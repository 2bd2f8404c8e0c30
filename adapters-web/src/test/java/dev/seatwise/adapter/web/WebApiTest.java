package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint against a real server on a free loopback port, through java.net.http. */
class WebApiTest {
  @TempDir static Path tmp;
  static TestServer server;
  static Path usage;

  @BeforeAll
  static void start() {
    server = new TestServer(tmp);
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
  void catalogsListTheBundledAutodeskCatalog() {
    HttpResponse<String> r = server.get("/api/catalogs");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode catalogs = TestServer.json(r).get("catalogs");
    assertThat(catalogs).isNotEmpty();
    assertThat(catalogs.get(0).get("name").asText()).isEqualTo("autodesk");
    assertThat(catalogs.get(0).get("currency").asText()).isNotBlank();
  }

  @Test
  void examplesListTheBundledData() {
    JsonNode list = TestServer.json(server.get("/api/examples"));
    assertThat(list.get(0).get("name").asText()).isEqualTo("test-org");
    assertThat(list.get(0).get("usage").get(0).asText()).isEqualTo("test-org-sessions.csv");
  }

  @Test
  void comparingUploadedUsageAnswersTheContractWithTheClientsFileName() {
    HttpResponse<String> r =
        server.post(
            "/api/comparisons?from=2025-01-01&to=2025-05-01&zone=UTC",
            new Multipart().file("usage", usage));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode c = TestServer.json(r);
    assertThat(c.get("period").get("from").asText()).isEqualTo("2025-01-01");
    assertThat(c.get("period").get("days").asLong()).isEqualTo(120);
    List<String> names = new ArrayList<>();
    c.get("scenarios").forEach(s -> names.add(s.get("name").asText()));
    assertThat(names).contains("all-named", "all-flex", "optimal");
    List<String> users = new ArrayList<>();
    c.get("users").forEach(u -> users.add(u.get("user").asText()));
    assertThat(users).hasSizeBetween(20, 27).contains(UsageFiles.XSS_USER, UsageFiles.FORMULA_USER);
    assertThat(c.get("import").get("rowsRead").asLong())
        .isEqualTo(c.get("import").get("accepted").asLong() + c.get("import").get("rejected").asLong());
    assertThat(c.get("import").get("files").get(0).get("file").asText()).isEqualTo("acme usage.csv");
    assertThat(r.body()).doesNotContain(tmp.toString()).doesNotContain("usage-1");
    assertThat(c.get("breakEven")).isNotEmpty();
    JsonNode be = c.get("breakEven").get(0);
    assertThat(be.get("namedAnnual").decimalValue()).isPositive();
    assertThat(be.get("flexPerDay").decimalValue()).isPositive();
    // money as numbers with two decimals
    assertThat(c.get("scenarios").get(0).get("total").isNumber()).isTrue();
    assertThat(server.leftovers()).isEmpty();
  }

  @Test
  void theBundledExampleRunsWithoutUploads() {
    HttpResponse<String> r = server.postExample("/api/comparisons?example=test-org");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(TestServer.json(r).get("users").size()).isBetween(30, 42);
    HttpResponse<String> unknown = server.postExample("/api/comparisons?example=nope");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(TestServer.json(unknown).get("title").asText()).isEqualTo("Unknown example");
  }

  @Test
  void csvDownloadDefusesFormulas() {
    HttpResponse<String> r =
        server.post("/api/comparisons?format=csv", new Multipart().file("usage", usage));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
    assertThat(r.body()).startsWith("user,").contains("'=1+2@example.com");
    assertThat(r.body().lines().filter(l -> l.startsWith("=") || l.startsWith("\"="))).isEmpty();
  }

  @Test
  void concurrencyAnswersPeaksAndTheTimeline() {
    HttpResponse<String> r =
        server.post("/api/concurrency?refusalRate=0.05", new Multipart().file("usage", usage));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode c = TestServer.json(r);
    assertThat(c.get("products")).isNotEmpty();
    JsonNode first = c.get("products").get(0);
    assertThat(first.get("peak").asLong()).isPositive();
    assertThat(first.get("seatsNeeded").asLong()).isLessThanOrEqualTo(first.get("peak").asLong());
    JsonNode timeline = c.get("timeline");
    assertThat(timeline).hasSameSizeAs(c.get("products"));
    assertThat(timeline.get(0).get("weekdayHour")).hasSize(7);
    assertThat(timeline.get(0).get("weekdayHour").get(0)).hasSize(24);
    long maxDaily = 0;
    for (JsonNode d : timeline.get(0).get("dailyPeaks")) {
      maxDaily = Math.max(maxDaily, d.asLong());
    }
    assertThat(maxDaily).isEqualTo(first.get("peak").asLong());
  }

  @Test
  void forecastsProjectTheLedgerWithP50AtMostP90() {
    HttpResponse<String> r =
        server.post(
            "/api/forecasts?asOf=2025-05-01&from=2025-01-01&to=2025-05-01&horizonMonths=6&simulations=200",
            new Multipart().file("usage", usage));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode f = TestServer.json(r);
    assertThat(f.get("asOf").asText()).isEqualTo("2025-05-01");
    assertThat(f.get("projection")).hasSize(6);
    assertThat(f.get("p50Burn").asLong()).isLessThanOrEqualTo(f.get("p90Burn").asLong());
    for (JsonNode m : f.get("projection")) {
      assertThat(m.get("opening").asLong() + m.get("purchased").asLong() - m.get("consumed").asLong() - m.get("expired").asLong())
          .isEqualTo(m.get("closing").asLong());
    }
    assertThat(f.get("plan").get("cost").isNumber()).isTrue();
    HttpResponse<String> bad =
        server.post("/api/forecasts?horizonMonths=0", new Multipart().file("usage", usage));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(bad).get("detail").asText()).contains("horizonMonths");
    HttpResponse<String> late =
        server.post("/api/forecasts?asOf=2025-02-01&to=2025-03-01", new Multipart().file("usage", usage));
    assertThat(late.statusCode()).isEqualTo(400);
  }

  @Test
  void reconciliationsSetTheTokenUsageExportBesideTheReplay() throws Exception {
    // hand-made: ann's AutoCAD Mon 08:00 to Tue 17:00 replays as 2 windows (14 tokens); Flex
    // charged Monday only (7) and dan, who used nothing, 7
    Path charged = tmp.resolve("token-usage.csv");
    Files.writeString(
        charged,
        "Day used,Email,First name,Last name,Product,Feature,Team,Tokens used\n"
            + "2024-03-04,ann@x.com,Ann,A,AutoCAD,,Design,7\n"
            + "2024-03-04,dan@x.com,Dan,D,AutoCAD,,Design,7\n");
    Path sessions = tmp.resolve("ann.csv");
    Files.writeString(
        sessions,
        "user,product,start,end\nann@x.com,ACD,2024-03-04T08:00:00Z,2024-03-05T17:00:00Z\n");

    HttpResponse<String> r =
        server.post(
            "/api/reconciliations", new Multipart().file("usage", charged).file("usage", sessions));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode j = TestServer.json(r);
    assertThat(j.get("charged").asLong()).isEqualTo(14);
    assertThat(j.get("replayed").asLong()).isEqualTo(14);
    assertThat(j.get("difference").asLong()).isZero();
    assertThat(j.get("differences")).hasSize(2);
    assertThat(j.at("/differences/0/kind").asText()).isEqualTo("charged-without-usage");
    assertThat(j.at("/differences/1/rule").asText()).isEqualTo("continuation-past-24h");
    HttpResponse<String> alone =
        server.post("/api/reconciliations", new Multipart().file("usage", sessions));
    assertThat(alone.statusCode()).isEqualTo(422);
    assertThat(TestServer.json(alone).get("detail").asText()).contains("Token Usage export");
  }

  @Test
  void reviewsListActionsByDateWhoseSavingsAddUpToCurrentMinusTarget() {
    HttpResponse<String> r =
        server.post(
            "/api/reviews?asOf=2025-05-01&from=2025-01-01&to=2025-05-01",
            new Multipart().file("usage", usage));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode review = TestServer.json(r);
    assertThat(review.get("history").get("from").asText()).isEqualTo("2025-01-01");
    assertThat(review.get("period").get("from").asText()).isEqualTo("2025-05-01");
    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    List<String> dates = new ArrayList<>();
    for (JsonNode a : review.get("actions")) {
      sum = sum.add(a.get("saving").decimalValue());
      dates.add(a.get("actionableOn").asText());
    }
    assertThat(sum)
        .isEqualByComparingTo(
            review.get("current").decimalValue().subtract(review.get("target").decimalValue()));
    assertThat(dates).isSorted();
  }

  @Test
  void theBundledAcmeExampleComparesTodaysPlanToo() {
    JsonNode examples = TestServer.json(server.get("/api/examples"));
    List<String> names = new ArrayList<>();
    examples.forEach(e -> names.add(e.get("name").asText()));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        names.contains("acme"), "examples/ was not copied into the build");
    HttpResponse<String> r =
        server.postExample("/api/comparisons?example=acme&from=2025-01-01&to=2026-01-01");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode c = TestServer.json(r);
    List<String> scenarios = new ArrayList<>();
    c.get("scenarios").forEach(s -> scenarios.add(s.get("name").asText()));
    assertThat(scenarios).contains("all-named", "all-flex", "current", "optimal");
    assertThat(c.get("users").size()).isGreaterThan(200);
    HttpResponse<String> flexlm = server.postExample("/api/concurrency?example=acme-flexlm");
    assertThat(flexlm.statusCode()).as(flexlm.body()).isEqualTo(200);
    assertThat(TestServer.json(flexlm).get("products")).isNotEmpty();
  }

  @Test
  void theChargebackSplitsEveryScenarioByTeamToTheCent() {
    JsonNode examples = TestServer.json(server.get("/api/examples"));
    List<String> names = new ArrayList<>();
    examples.forEach(e -> names.add(e.get("name").asText()));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        names.contains("acme-teams"), "examples/ was not copied into the build");
    HttpResponse<String> r =
        server.postExample("/api/comparisons?example=acme-teams&by=team");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode c = TestServer.json(r);
    assertThat(c.get("breakdownBy").asText()).isEqualTo("team");
    assertThat(c.get("breakdown").size()).isGreaterThanOrEqualTo(6);
    for (JsonNode s : c.get("scenarios")) {
      java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
      for (JsonNode g : c.get("breakdown")) {
        sum = sum.add(g.get("totals").get(s.get("name").asText()).decimalValue());
      }
      assertThat(sum).as(s.get("name").asText()).isEqualByComparingTo(s.get("total").decimalValue());
    }
    HttpResponse<String> csv =
        server.postExample("/api/comparisons?example=acme-teams&by=cost-centre&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).startsWith("cost-centre,");
    HttpResponse<String> plain = server.postExample("/api/comparisons?example=test-org");
    assertThat(TestServer.json(plain).has("breakdown")).isFalse();
    HttpResponse<String> bad = server.postExample("/api/comparisons?example=test-org&by=floor");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(bad).get("detail").asText()).contains("team or cost-centre");
    HttpResponse<String> allRefused =
        server.postExample("/api/comparisons?example=test-org&poolRefusalRate=1");
    assertThat(allRefused.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(allRefused).get("detail").asText()).contains("pool refusal rate must be in [0, 1) but was 1.0");
    HttpResponse<String> notAPool =
        server.postExample("/api/comparisons?example=test-org&poolRefusalRate=0.05");
    assertThat(notAPool.statusCode()).as(notAPool.body()).isEqualTo(200);
    assertThat(TestServer.json(notAPool).get("scenarios").toString())
        .isEqualTo(TestServer.json(plain).get("scenarios").toString());
  }

  @Test
  void anXlsxExportIsReadAsDownloaded() throws Exception {
    Path xlsx = tmp.resolve("Usage export.xlsx");
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        java.io.OutputStream out = Files.newOutputStream(xlsx)) {
      org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("usage");
      String[][] rows = {
        {"day_used", "email", "product_name"},
        {"2025-03-03", "ann@example.com", "AutoCAD"},
        {"2025-03-04", "ann@example.com", "AutoCAD"},
        {"2025-03-04", "bob@example.com", "Photoshop"}
      };
      for (int r = 0; r < rows.length; r++) {
        org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      wb.write(out);
    }
    HttpResponse<String> r = server.post("/api/comparisons", new Multipart().file("usage", xlsx));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode file = TestServer.json(r).get("import").get("files").get(0);
    assertThat(file.get("file").asText()).isEqualTo("Usage export.xlsx");
    assertThat(file.get("format").asText()).isEqualTo("autodesk-usage-export");
    assertThat(file.get("rowsRead").asLong()).isEqualTo(3);
    assertThat(file.get("accepted").asLong()).isEqualTo(2);
    assertThat(server.leftovers()).isEmpty();
  }

  @Test
  void openApiAndSwaggerAreServed() {
    HttpResponse<String> spec = server.get("/openapi.json");
    assertThat(spec.statusCode()).isEqualTo(200);
    JsonNode paths = TestServer.json(spec).get("paths");
    assertThat(paths.has("/api/comparisons")).isTrue();
    assertThat(paths.has("/api/concurrency")).isTrue();
    assertThat(paths.has("/api/catalogs")).isTrue();
    assertThat(paths.has("/api/datasets")).isTrue();
    assertThat(paths.has("/api/datasets/{id}/{analysis}")).isTrue();
    assertThat(paths.has("/api/jobs/{id}")).isTrue();
    assertThat(server.get("/swagger").statusCode()).isEqualTo(200);
  }

  @Test
  void thePageAndChartJsAreServedWithAStrictContentSecurityPolicy() {
    HttpResponse<String> page = server.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("chart.umd.js").doesNotContain("innerHTML");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'");
    assertThat(server.get("/webjars/chart.js/4.5.1/dist/chart.umd.js").statusCode()).isEqualTo(200);
    assertThat(server.get("/app.js").body()).doesNotContain("innerHTML =").doesNotContain("insertAdjacentHTML");
  }

  @Test
  void strictModeNamesTheFileAndLineOfTheFirstBadRow() {
    String csv =
        "user,product,start,end\n"
            + "a@x.com,ACD,2025-01-06T08:00:00Z,2025-01-06T10:00:00Z\n"
            + "b@x.com,ACD,not-a-time,2025-01-06T10:00:00Z\n";
    HttpResponse<String> r =
        server.post("/api/comparisons?strict=true", new Multipart().file("usage", "bad.csv", csv));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode p = TestServer.json(r);
    assertThat(p.get("status").asInt()).isEqualTo(422);
    assertThat(p.get("file").asText()).isEqualTo("bad.csv");
    assertThat(p.get("line").asLong()).isEqualTo(3);
    assertThat(p.get("detail").asText()).contains("bad.csv").doesNotContain(tmp.toString());
    assertNoStackTrace(r.body());

    HttpResponse<String> lenient =
        server.post("/api/comparisons", new Multipart().file("usage", "bad.csv", csv));
    assertThat(lenient.statusCode()).as(lenient.body()).isEqualTo(200);
    JsonNode rejection = TestServer.json(lenient).get("import").get("rejections").get(0);
    assertThat(rejection.get("file").asText()).isEqualTo("bad.csv");
    assertThat(rejection.get("line").asLong()).isEqualTo(3);
  }

  @Test
  void aProblemIsUtf8LikeEveryJsonAnswerSoNonAsciiInputSurvivesIt() {
    // before: problem bodies were written in ISO-8859-1 (Jetty's default for a type it does not
    // know), so 'Ü' reached clients as the byte 0xDC, which no JSON parser reads as UTF-8, and '…'
    // (the cut of a long id in a 404) as '?'
    String csv = "user,product,start,end\n" + "zoë,Übersicht…,2025-01-06T08:00:00Z,2025-01-06T10:00:00Z\n";
    HttpResponse<byte[]> r =
        server.postBytes("/api/comparisons?strict=true", new Multipart().file("usage", "bad.csv", csv));
    HttpResponse<byte[]> longId = server.getBytes("/api/datasets/" + "a".repeat(64) + "b");

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("unknown product 'Übersicht…'");
    assertThat(longId.statusCode()).isEqualTo(404);
    assertThat(new String(longId.body(), StandardCharsets.UTF_8)).contains("aaaa…'");
  }

  @Test
  void moneyIsWrittenWithTwoDecimalsAsTheContractAndTheCliWriteIt() {
    // before: the web built its answers as trees, whose decimal nodes dropped trailing zeros, so a
    // total of 1500.00 was written 1500 (json-contract.md: exactly two decimals, as the CLI writes)
    HttpResponse<String> r = server.post("/api/comparisons", new Multipart().file("usage", usage));

    assertThat(r.statusCode()).isEqualTo(200);
    java.util.regex.Matcher totals = java.util.regex.Pattern.compile("\"total\":([0-9.]+)").matcher(r.body());
    int n = 0;
    while (totals.find()) {
      assertThat(totals.group(1)).as(r.body()).matches("[0-9]+\\.[0-9]{2}");
      n++;
    }
    assertThat(n).isPositive();
  }

  @Test
  void rejectedEntitlementRowsAreReportedAsTheCliReportsThem() {
    // before: the web's import report held the usage files only, so a Subscriptions export whose
    // rows were rejected (here a negative seat count and an unknown offering) vanished without a
    // word, where the CLI lists them and counts the file
    String subscriptions =
        "contract_number,subscription_id,offering_name,seat_quantity,start_date,end_date,term\n"
            + "1,S1,AutoCAD,-2,2025-01-01,2026-01-01,Annual\n"
            + "1,S2,Nothing,2,2025-01-01,2026-01-01,Annual\n"
            + "1,S3,AutoCAD,1,2025-01-01,2026-01-01,Annual\n";
    for (String path :
        List.of("/api/comparisons", "/api/forecasts", "/api/reviews", "/api/concurrency")) {
      HttpResponse<String> r =
          server.post(path, new Multipart().file("usage", usage)
              .file("entitlements", "subs.csv", subscriptions));

      assertThat(r.statusCode()).as(path + r.body()).isEqualTo(200);
      JsonNode imp = TestServer.json(r).get("import");
      assertThat(imp.get("rejected").asLong()).as(path).isEqualTo(2);
      assertThat(imp.get("rowsRead").asLong())
          .as(path)
          .isEqualTo(imp.get("accepted").asLong() + imp.get("rejected").asLong());
      assertThat(imp.get("files").toString()).as(path).contains("\"file\":\"subs.csv\"");
      assertThat(imp.get("rejections").toString())
          .as(path)
          .contains("\"file\":\"subs.csv\",\"line\":2")
          .contains("unknown product 'Nothing'");
    }
    HttpResponse<String> stored =
        server.post("/api/datasets", new Multipart().file("usage", usage)
            .file("entitlements", "subs.csv", subscriptions));
    assertThat(TestServer.json(stored).get("import").get("rejected").asLong()).isEqualTo(2);
  }

  @Test
  void aFileOfUnknownFormatIsAProblemNamingTheFile() {
    HttpResponse<String> r =
        server.post(
            "/api/comparisons", new Multipart().file("usage", "notes.txt", "hello,world\n1,2\n"));
    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode p = TestServer.json(r);
    assertThat(p.get("file").asText()).isEqualTo("notes.txt");
    assertThat(p.get("title").asText()).isEqualTo("Unreadable usage file");
    assertNoStackTrace(r.body());
  }

  @Test
  void binaryUploadsAreRefused() {
    // a zip that is no workbook reaches the readers (an .xlsx export would be read) and is a 422
    byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0, 0, 0, 0};
    HttpResponse<String> r =
        server.post("/api/comparisons", new Multipart().file("usage", "usage.xlsx", zip));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(TestServer.json(r).get("detail").asText())
        .startsWith("usage.xlsx: ")
        .contains("not a readable Excel .xlsx workbook");
    assertNoStackTrace(r.body());
    byte[] nul = {'u', 's', 'e', 'r', 0, 0, 0, '\n'};
    HttpResponse<String> binary =
        server.post("/api/comparisons", new Multipart().file("usage", "usage.bin", nul));
    assertThat(binary.statusCode()).isEqualTo(415);
    assertThat(TestServer.json(binary).get("file").asText()).isEqualTo("usage.bin");

    byte[] latin1 = "user,product,start,end\nJos\u00e9,ACD,x,y\n".getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> notUtf8 =
        server.post("/api/comparisons", new Multipart().file("usage", "latin1.csv", latin1));
    assertThat(notUtf8.statusCode()).isEqualTo(415);
    assertThat(TestServer.json(notUtf8).get("detail").asText()).contains("not UTF-8");
    assertThat(server.leftovers()).isEmpty();
  }

  @Test
  void aPathInTheFileNameIsNeverUsedAsAPath() throws Exception {
    Path outside = tmp.resolve("escaped.csv");
    String traversal = "../../../../" + tmp.toString().substring(1) + "/escaped.csv";
    HttpResponse<String> r =
        server.post(
            "/api/comparisons",
            new Multipart().file("usage", traversal, Files.readAllBytes(usage)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(outside).doesNotExist();
    assertThat(TestServer.json(r).get("import").get("files").get(0).get("file").asText())
        .isEqualTo("escaped.csv");
    HttpResponse<String> windows =
        server.post(
            "/api/comparisons",
            new Multipart().file("usage", "..\\..\\windows\\evil.csv", Files.readAllBytes(usage)));
    assertThat(TestServer.json(windows).get("import").get("files").get(0).get("file").asText())
        .isEqualTo("evil.csv");
    assertThat(server.leftovers()).isEmpty();
  }

  @Test
  void badRequestsAreProblemDetails() {
    HttpResponse<String> noUsage =
        server.post("/api/comparisons", new Multipart().file("catalog", "c.yaml", "vendor: x\n"));
    assertThat(noUsage.statusCode()).isEqualTo(400);
    HttpResponse<String> badDate =
        server.post("/api/comparisons?from=yesterday", new Multipart().file("usage", usage));
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(badDate).get("detail").asText()).contains("from");
    HttpResponse<String> badZone =
        server.post("/api/comparisons?zone=Mars/Olympus", new Multipart().file("usage", usage));
    assertThat(badZone.statusCode()).isEqualTo(400);
    HttpResponse<String> notMultipart =
        server.send(
            server.request("/api/comparisons")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("user,product,start,end\n"))
                .build());
    assertThat(notMultipart.statusCode()).isEqualTo(415);
    assertThat(TestServer.json(notMultipart).get("detail").asText()).contains("'identities'");
    HttpResponse<String> unknownField =
        server.post("/api/comparisons", new Multipart().file("evil", "x.csv", "a\n"));
    assertThat(unknownField.statusCode()).isEqualTo(400);
    HttpResponse<String> notFound = server.get("/api/nothing-here");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    for (HttpResponse<String> r : List.of(noUsage, badDate, badZone, notMultipart, unknownField, notFound)) {
      assertThat(TestServer.json(r).get("status").asInt()).isEqualTo(r.statusCode());
      assertNoStackTrace(r.body());
    }
  }

  @Test
  void datesOutsideThePlausibleRangeAre400NotAnInternalErrorOrAHugeAnswer() {
    // before: reviews?asOf=9999-01-01 was a 500 (a long overflow), forecasts?asOf=9999-01-01
    // answered 4.7 MB after 17 s for a two-row upload (2.9 million days of history)
    for (String query :
        List.of(
            "/api/reviews?asOf=9999-01-01",
            "/api/forecasts?asOf=9999-01-01",
            "/api/comparisons?from=0001-01-01",
            "/api/concurrency?to=2101-01-02")) {
      HttpResponse<String> r = server.post(query, new Multipart().file("usage", usage));

      assertThat(r.statusCode()).as(query).isEqualTo(400);
      assertThat(TestServer.json(r).get("detail").asText())
          .as(query)
          .contains("outside the plausible dates 1990-01-01 to 2100-12-31");
      assertNoStackTrace(r.body());
    }
  }

  @Test
  void aFlagOrFormatTheServerDoesNotUnderstandIs400NotSilentlyIgnored() {
    // before: strict=yes read the files leniently, format=xml answered JSON, and format=csv on an
    // analysis that has no CSV answered JSON, each with 200
    for (String query :
        List.of(
            "/api/comparisons?strict=yes",
            "/api/comparisons?format=xml",
            "/api/concurrency?format=csv",
            "/api/forecasts?format=csv",
            "/api/reviews?format=csv",
            "/api/reconciliations?format=csv")) {
      HttpResponse<String> r = server.post(query, new Multipart().file("usage", usage));

      assertThat(r.statusCode()).as(query).isEqualTo(400);
      assertThat(TestServer.json(r).get("detail").asText())
          .as(query)
          .containsAnyOf("'strict' must be true or false", "'format'");
      assertNoStackTrace(r.body());
    }
    HttpResponse<String> json = server.post("/api/concurrency?format=json&strict=FALSE",
        new Multipart().file("usage", usage));
    assertThat(json.statusCode()).isEqualTo(200);
  }

  @Test
  void uploadsOverTheCapAre413(@TempDir Path dir) {
    try (TestServer small = new TestServer(dir, s -> s.withMaxUploadBytes(64 * 1024))) {
      byte[] big = new byte[200 * 1024];
      java.util.Arrays.fill(big, (byte) 'a');
      Multipart body = new Multipart().file("usage", "big.csv", big);
      // declared length over the cap: refused before the body is read
      HttpResponse<String> declared =
          small.send(
              small.request("/api/comparisons")
                  .header("Content-Type", body.contentType())
                  .POST(body.publisher())
                  .build());
      assertThat(declared.statusCode()).isEqualTo(413);
      assertThat(TestServer.json(declared).get("detail").asText()).contains("64 KB");
      // chunked (no length): refused when the parts grow past the cap
      HttpResponse<String> chunked =
          small.send(
              small.request("/api/comparisons")
                  .header("Content-Type", body.contentType())
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new java.io.ByteArrayInputStream(body.bytes())))
                  .build());
      assertThat(chunked.statusCode()).isEqualTo(413);
      assertThat(small.leftovers()).isEmpty();
    }
  }

  @Test
  void anAnalysisOverTheTimeLimitIs503(@TempDir Path dir) {
    try (TestServer slow =
        new TestServer(dir, s -> s.withRequestTimeout(Duration.ofMillis(1)))) {
      HttpResponse<String> r =
          slow.post("/api/comparisons", new Multipart().file("usage", usage));
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(TestServer.json(r).get("title").asText()).isEqualTo("Analysis took too long");
    }
  }

  @Test
  void aTokenWhenConfiguredIsRequiredOnTheApiButNotOnThePage(@TempDir Path dir) {
    try (TestServer guarded = new TestServer(dir, s -> s.withToken("s3cret-token-0123456789"))) {
      HttpResponse<String> none = guarded.get("/api/catalogs");
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
      HttpResponse<String> wrong =
          guarded.send(guarded.request("/api/catalogs").header("Authorization", "Bearer nope").build());
      assertThat(wrong.statusCode()).isEqualTo(401);
      HttpResponse<String> right =
          guarded.send(
              guarded.request("/api/catalogs").header("Authorization", "Bearer s3cret-token-0123456789").build());
      assertThat(right.statusCode()).isEqualTo(200);
      HttpResponse<String> upload =
          guarded.post("/api/comparisons", new Multipart().file("usage", usage));
      assertThat(upload.statusCode()).isEqualTo(401);
      assertThat(guarded.get("/").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aNonLoopbackAddressWithoutATokenIsRefusedAtStartup() {
    WebSettings loopback = WebSettings.loopback(0, tmp.resolve("x"));
    assertThatThrownBy(() -> loopback.withHost("0.0.0.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token");
    assertThat(loopback.withToken("t-0123456789abcdef").withHost("0.0.0.0").token()).isEqualTo(Optional.of("t-0123456789abcdef"));
    assertThat(WebSettings.isLoopback("127.0.0.1")).isTrue();
    assertThat(WebSettings.isLoopback("localhost")).isTrue();
    assertThat(WebSettings.isLoopback("::1")).isTrue();
    assertThat(WebSettings.isLoopback("0.0.0.0")).isFalse();
    assertThat(WebSettings.isLoopback("192.0.2.10")).isFalse();
  }

  private static void assertNoStackTrace(String body) {
    assertThat(body).doesNotContain("\tat ").doesNotContain("at dev.seatwise").doesNotContain("Exception");
  }
}
