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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
