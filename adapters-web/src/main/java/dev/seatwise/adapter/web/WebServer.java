package dev.seatwise.adapter.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.time.Clock;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the JSON API under {@code /api}, its OpenAPI description at {@code
 * /openapi.json} with Swagger UI at {@code /swagger}, and the page at {@code /} (static files and
 * the Chart.js WebJar). Errors of every route go through {@link ProblemTranslator}. Start once, stop
 * once.
 */
public final class WebServer implements AutoCloseable {
  public static final String OPENAPI_PATH = "/openapi.json";
  public static final String SWAGGER_PATH = "/swagger";
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final long IDLE_TIMEOUT_MS = 30_000;
  /** The buffer each connection reads requests into (Jetty's default is 8 KB). */
  static final int INPUT_BUFFER_BYTES = 64 * 1024;

  /**
   * The slowest upload accepted, in bytes per second: a client sending less (one byte every few
   * seconds, to hold a server thread) is answered 408 and disconnected.
   */
  public static final long MIN_UPLOAD_BYTES_PER_SECOND = 1024;

  /**
   * Connections one remote (not loopback) client address may hold open at once; the next is
   * closed on opening.
   */
  public static final int MAX_CONNECTIONS_PER_CLIENT = 32;

  /**
   * Analyses one client address may have in flight by default (one-shot uploads, dataset uploads
   * and dataset analyses, queued or running); the next is answered 429. {@code
   * --max-analyses-per-client} changes it.
   */
  public static final int MAX_UPLOADS_PER_CLIENT = WebSettings.DEFAULT_MAX_ANALYSES_PER_CLIENT;

  /** The page runs only its own scripts: no inline script, no handlers, no foreign origins. */
  static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
          + " form-action 'self'";

  /**
   * Swagger UI's page starts the UI with an inline script and inline styles; everything else it
   * loads comes from this server's WebJars.
   */
  static final String SWAGGER_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'; form-action 'self'";

  private final WebSettings settings;
  private final Javalin app;
  private final AnalysisRunner runner;
  private final ClientConnectionLimit connectionLimit =
      new ClientConnectionLimit(MAX_CONNECTIONS_PER_CLIENT);
  private final UploadLimit perClient;
  private final RepeatedUploads bodies;
  /** The dataset folder when it is temporary (no --data-dir): removed at stop. */
  private final Optional<Path> temporaryData;

  public WebServer(WebSettings settings, WebUseCases useCases, ObjectMapper json) {
    this(settings, useCases, json, UploadStorage.LOCAL_DISK);
  }

  /** A server whose uploads' parts are written through {@code storage} (tests: a failing disk). */
  WebServer(WebSettings settings, WebUseCases useCases, ObjectMapper json, UploadStorage storage) {
    this.settings = settings;
    Path dataRoot;
    try {
      Files.createDirectories(settings.uploadRoot());
      if (settings.dataDir().isPresent()) {
        dataRoot = settings.dataDir().get().resolve("datasets");
        temporaryData = Optional.empty();
      } else {
        dataRoot = Files.createTempDirectory("seatwise-datasets-");
        temporaryData = Optional.of(dataRoot);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the upload or dataset folder", e);
    }
    this.runner = new AnalysisRunner(settings.workers(), settings.queue(), settings.requestTimeout());
    UploadReceiver uploads =
        new UploadReceiver(settings.uploadRoot(), settings.maxUploadBytes(), storage);
    ProblemTranslator problems =
        new ProblemTranslator(json, List.of(settings.uploadRoot(), dataRoot.toAbsolutePath(), dataRoot));
    UploadLimit perClient = new UploadLimit(settings.maxAnalysesPerClient());
    this.perClient = perClient;
    ParsedDatasets parsed = new ParsedDatasets(useCases, settings.datasetsInMemory());
    this.bodies =
        new RepeatedUploads(uploads, settings.datasetsInMemory());
    AnalysisEndpoints analysis =
        new AnalysisEndpoints(
            useCases, uploads, runner, json, problems, Clock.systemUTC(), perClient, parsed, bodies);
    DatasetStore store =
        new DatasetStore(dataRoot, settings.dataMaxBytes(), json, Clock.systemUTC(), parsed::forget);
    DatasetEndpoints datasets = new DatasetEndpoints(analysis, store, parsed, runner, problems, json, perClient);
    ReferenceEndpoints reference = new ReferenceEndpoints(useCases);
    BearerTokenGuard guard = new BearerTokenGuard(settings.token());
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(json, false));
              config.http.maxRequestSize = settings.maxUploadBytes();
              config.http.asyncTimeout = settings.requestTimeout().toMillis();
              config.jetty.modifyHttpConfiguration(
                  http -> http.setMinRequestDataRate(MIN_UPLOAD_BYTES_PER_SECOND));
              config.staticFiles.add("/public", Location.CLASSPATH);
              config.staticFiles.enableWebjars();
              config.registerPlugin(
                  new OpenApiPlugin(
                      openapi ->
                          openapi
                              .withDocumentationPath(OPENAPI_PATH)
                              .withDefinitionConfiguration(
                                  (version, definition) ->
                                      definition.withInfo(
                                          info -> {
                                            info.setTitle("seatwise API");
                                            info.setVersion("0.1.0");
                                            info.setDescription(
                                                "Software-licence economics: compare named-user,"
                                                    + " Flex token and network-seat scenarios"
                                                    + " from usage files. Errors are RFC 7807"
                                                    + " problem details.");
                                          }))));
              config.registerPlugin(
                  new SwaggerPlugin(
                      swagger -> {
                        swagger.setDocumentationPath(OPENAPI_PATH);
                        swagger.setUiPath(SWAGGER_PATH);
                      }));
              config.router.mount(
                  router -> {
                    router.before("/api/*", guard);
                    router.before(
                        "/api/*", ctx -> ctx.header("Cache-Control", "no-store"));
                    router.before(
                        ctx -> {
                          ctx.header("X-Content-Type-Options", "nosniff");
                          ctx.header("X-Frame-Options", "DENY");
                          ctx.header("Referrer-Policy", "no-referrer");
                          if (ctx.path().equals("/") || ctx.path().equals("/index.html")) {
                            ctx.header("Content-Security-Policy", PAGE_POLICY);
                          } else if (ctx.path().startsWith(SWAGGER_PATH)) {
                            ctx.header("Content-Security-Policy", SWAGGER_POLICY);
                          }
                        });
                    router.post("/api/comparisons", analysis::compare);
                    router.post("/api/concurrency", analysis::concurrency);
                    router.post("/api/forecasts", analysis::forecasts);
                    router.post("/api/reviews", analysis::reviews);
                    router.post("/api/reconciliations", analysis::reconciliations);
                    router.post(DatasetEndpoints.PATH, datasets::create);
                    router.get(DatasetEndpoints.PATH + "/{id}", datasets::get);
                    router.delete(DatasetEndpoints.PATH + "/{id}", datasets::delete);
                    router.post(DatasetEndpoints.PATH + "/{id}/{analysis}", datasets::analyse);
                    router.get(DatasetEndpoints.JOBS + "/{id}", datasets::job);
                    router.get("/api/catalogs", reference::catalogs);
                    router.get("/api/examples", reference::examples);
                    router.get("/api/health", reference::health);
                    router.exception(Exception.class, problems::handle);
                    router.error(404, problems::handleStatus);
                    router.error(405, problems::handleStatus);
                  });
            });
  }

  /** Starts listening; returns this server. */
  public WebServer start() {
    try {
      app.start(settings.host(), settings.port());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    for (Connector c : app.jettyServer().server().getConnectors()) {
      if (c instanceof ServerConnector sc) {
        sc.setIdleTimeout(IDLE_TIMEOUT_MS);
        sc.addBean(connectionLimit);
        // uploads of many megabytes are read in fewer, larger reads than Jetty's default 8 KB
        HttpConnectionFactory http = sc.getConnectionFactory(HttpConnectionFactory.class);
        if (http != null) {
          http.setInputBufferSize(INPUT_BUFFER_BYTES);
        }
      }
    }
    LOG.info(
        "seatwise web listening on http://{}:{}/ (API token {})",
        settings.host(),
        port(),
        settings.token().isPresent() ? "required" : "not required");
    return this;
  }

  /** The analyses {@code client} (an address, as the server sees it) has in flight now. */
  int analysesInFlight(String client) {
    return perClient.inFlight(client);
  }

  /** One-shot bodies recognised as repeats of a recent one so far. */
  long repeatedBodies() {
    return bodies.repeats();
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    runner.close();
    bodies.clear();
    RequestUploads.deleteTree(settings.uploadRoot());
    temporaryData.ifPresent(RequestUploads::deleteTree);
  }
}
