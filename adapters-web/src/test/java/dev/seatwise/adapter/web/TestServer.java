package dev.seatwise.adapter.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatwise.adapter.json.JsonMapperFactory;
import dev.seatwise.adapter.web.config.WebComposition;
import dev.seatwise.adapter.web.config.WebMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** A real server on a free loopback port, with the test example bundled, and an HTTP client. */
final class TestServer implements AutoCloseable {
  static final ExampleData TEST_ORG =
      new ExampleData(
          "test-org",
          "40 users over a quarter, with awkward user names",
          List.of("/seatwise/test-examples/test-org-sessions.csv"),
          List.of(),
          List.of());
  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  final WebSettings settings;
  final WebServer server;
  final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  TestServer(Path tmp, UnaryOperator<WebSettings> adjust) {
    this.settings = adjust.apply(WebSettings.loopback(0, tmp.resolve("uploads")));
    List<ExampleData> examples = new java.util.ArrayList<>(List.of(TEST_ORG));
    examples.addAll(WebMain.bundledExamples());
    this.server = WebMain.start(settings, examples);
  }

  TestServer(Path tmp) {
    this(tmp, s -> s);
  }

  /** A server as {@link WebMain#start} builds it, but writing uploads' parts through {@code storage}. */
  TestServer(Path tmp, UnaryOperator<WebSettings> adjust, UploadStorage storage) {
    this.settings = adjust.apply(WebSettings.loopback(0, tmp.resolve("uploads")));
    List<ExampleData> examples = new java.util.ArrayList<>(List.of(TEST_ORG));
    examples.addAll(WebMain.bundledExamples());
    this.server =
        new WebServer(settings, new WebComposition(examples), JsonMapperFactory.create(), storage)
            .start();
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
  }

  HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  HttpResponse<String> post(String path, Multipart body) {
    return send(postRequest(path, body));
  }

  private HttpRequest postRequest(String path, Multipart body) {
    return request(path).header("Content-Type", body.contentType()).POST(body.publisher()).build();
  }

  /** The answer's bytes as sent, without decoding them (to check the encoding itself). */
  HttpResponse<byte[]> getBytes(String path) {
    return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> postBytes(String path, Multipart body) {
    return send(postRequest(path, body), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> postExample(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Files and folders left under the upload root (each request's folder must be gone). */
  List<Path> leftovers() {
    try (Stream<Path> s = Files.list(settings.uploadRoot())) {
      return s.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
