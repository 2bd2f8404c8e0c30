package dev.seatwise.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seatwise.adapter.web.dto.ProblemResponse;
import dev.seatwise.application.port.out.ImportReport;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiContentProperty;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Upload once, analyse many times: {@code POST /api/datasets} stores and reads the upload once
 * ({@link DatasetStore}, {@link ParsedDatasets}); {@code POST /api/datasets/{id}/{analysis}} runs
 * one of {@link AnalysisEndpoints#byName()} on it with query parameters only, answering at once or,
 * with {@code ?async=true}, as a job ({@code GET /api/jobs/{id}}) whose progress the page polls.
 * Thread-safe.
 */
public final class DatasetEndpoints {
  static final String PATH = "/api/datasets";
  static final String JOBS = "/api/jobs";

  private final AnalysisEndpoints analyses;
  private final Map<String, Function<Context, AnalysisEndpoints.Prepared>> byName;
  private final DatasetStore store;
  private final ParsedDatasets parsed;
  private final AnalysisRunner runner;
  private final AnalysisJobs jobs;
  private final ProblemTranslator problems;
  private final ObjectMapper json;
  private final UploadLimit perClient;

  DatasetEndpoints(
      AnalysisEndpoints analyses,
      DatasetStore store,
      ParsedDatasets parsed,
      AnalysisRunner runner,
      ProblemTranslator problems,
      ObjectMapper json,
      UploadLimit perClient) {
    this.perClient = perClient;
    this.analyses = analyses;
    this.byName = analyses.byName();
    this.store = store;
    this.parsed = parsed;
    this.runner = runner;
    this.jobs = new AnalysisJobs(runner, json);
    this.problems = problems;
    this.json = json;
  }

  @OpenApi(
      path = PATH,
      methods = HttpMethod.POST,
      operationId = "createDataset",
      tags = {"datasets"},
      summary = "Store and read usage files once, for many analyses",
      description =
          "The same multipart upload as /api/comparisons (usage, optional catalog, entitlements,"
              + " identities) or ?example=NAME. The files are stored and read once; the answer's"
              + " 'id' (the SHA-256 of the files' contents and of zone and strict) names the"
              + " dataset in /api/datasets/{id}/comparisons, /concurrency, /forecasts and /reviews."
              + " 201 for a new dataset, 200 when the same content was already stored. Datasets"
              + " beyond the store's cap (--data-max-mb) are evicted least recently used first.",
      queryParams = {
        @OpenApiParam(name = "zone", description = "time zone of local timestamps in the files (default UTC)"),
        @OpenApiParam(name = "strict", description = "true: the first bad row fails the upload (422)"),
        @OpenApiParam(name = "example", description = "name of a bundled example instead of uploads")
      },
      requestBody =
          @OpenApiRequestBody(
              content = {
                @OpenApiContent(
                    mimeType = "multipart/form-data",
                    properties = {
                      @OpenApiContentProperty(name = "usage", isArray = true, type = "string", format = "binary"),
                      @OpenApiContentProperty(name = "catalog", type = "string", format = "binary"),
                      @OpenApiContentProperty(name = "entitlements", isArray = true, type = "string", format = "binary"),
                      @OpenApiContentProperty(name = "identities", type = "string", format = "binary")
                    })
              }),
      responses = {
        @OpenApiResponse(status = "201", description = "stored and read; Location names the dataset"),
        @OpenApiResponse(status = "200", description = "the same content was already stored"),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "413", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "415", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "422", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "429", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "503", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "507", content = @OpenApiContent(from = ProblemResponse.class))
      })
  public void create(Context ctx) {
    long came = System.nanoTime(); // its place in the line: when it came, not when its body was read
    ReadOptions read = RequestParams.readOptions(ctx);
    try (UploadLimit.Permit permit = perClient.acquire(ctx.ip());
        RequestUploads files = analyses.receive(ctx)) {
      String id = DatasetStore.idOf(files, read);
      boolean known = store.get(id).isPresent();
      Dataset dataset = store.put(id, files, read);
      ctx.attribute(ProblemTranslator.LABELS, dataset.labels());
      AnalysisScope scope;
      try {
        scope = runner.run(() -> parsed.scope(dataset), -1, came);
      } catch (RuntimeException e) {
        if (!known) {
          store.remove(id); // an unreadable upload is not kept
        }
        throw e;
      }
      ctx.status(known ? 200 : 201).header("Location", PATH + "/" + id);
      // every file's rows: the usage's and the entitlement files' (read by the scope's preload)
      write(ctx, view(dataset, Optional.of(scope.usage().report().plus(scope.entitlementsReport()))));
    }
  }

  @OpenApi(
      path = PATH + "/{id}",
      methods = HttpMethod.GET,
      operationId = "getDataset",
      tags = {"datasets"},
      summary = "A stored dataset: its files, size and analyses",
      pathParams = {@OpenApiParam(name = "id", required = true, description = "64 hex digits")},
      responses = {
        @OpenApiResponse(status = "200"),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = ProblemResponse.class))
      })
  public void get(Context ctx) {
    Dataset dataset = dataset(ctx);
    write(ctx, view(dataset, Optional.empty()));
  }

  @OpenApi(
      path = PATH + "/{id}",
      methods = HttpMethod.DELETE,
      operationId = "deleteDataset",
      tags = {"datasets"},
      summary = "Deletes a stored dataset",
      pathParams = {@OpenApiParam(name = "id", required = true, description = "64 hex digits")},
      responses = {
        @OpenApiResponse(status = "204"),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = ProblemResponse.class))
      })
  public void delete(Context ctx) {
    if (!store.remove(ctx.pathParam("id"))) {
      throw unknown(ctx.pathParam("id"));
    }
    ctx.status(204);
  }

  @OpenApi(
      path = PATH + "/{id}/{analysis}",
      methods = HttpMethod.POST,
      operationId = "analyseDataset",
      tags = {"datasets"},
      summary = "Runs comparisons, concurrency, forecasts or reviews on a stored dataset",
      description =
          "No body: the query parameters of the one-shot endpoint of the same name (from, to,"
              + " zone; refusalRate; asOf, horizonMonths, simulations, seed; idleDays,"
              + " expiryWindowDays; format=csv for comparisons). The answer is that endpoint's."
              + " With async=true the answer is 202 and a job (GET /api/jobs/{jobId}) that reports"
              + " its progress and, once done, holds the result.",
      pathParams = {
        @OpenApiParam(name = "id", required = true, description = "64 hex digits"),
        @OpenApiParam(name = "analysis", required = true, description = "comparisons, concurrency, forecasts, reviews or reconciliations")
      },
      queryParams = {
        @OpenApiParam(name = "async", description = "true: answer 202 with a job to poll"),
        @OpenApiParam(name = "from"),
        @OpenApiParam(name = "to"),
        @OpenApiParam(name = "zone")
      },
      responses = {
        @OpenApiResponse(status = "200", description = "the analysis, as the one-shot endpoint answers it"),
        @OpenApiResponse(status = "202", description = "the job (async=true); Location names it"),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "422", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "429", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "503", content = @OpenApiContent(from = ProblemResponse.class))
      })
  public void analyse(Context ctx) {
    String name = ctx.pathParam("analysis");
    Function<Context, AnalysisEndpoints.Prepared> analysis = byName.get(name);
    if (analysis == null) {
      throw new ApiProblem(
          404,
          "Unknown analysis",
          "no analysis called " + RequestParams.shorten(name) + "; datasets offer " + String.join(", ", byName.keySet()));
    }
    Dataset dataset = dataset(ctx);
    AnalysisEndpoints.Prepared prepared = analysis.apply(ctx);
    Map<String, String> labels = dataset.labels();
    ctx.attribute(ProblemTranslator.LABELS, labels);
    boolean async = RequestParams.flag(ctx, "async");
    if (async && "csv".equalsIgnoreCase(ctx.queryParam("format"))) {
      throw ApiProblem.badRequest("a job answers JSON only; ask for format=csv without async");
    }
    // one path for every analysis of a dataset, answered now or polled: a job on the bounded
    // line, counted against the client's analyses in flight until it ends
    UploadLimit.Permit permit = perClient.acquire(ctx.ip());
    AnalysisJobs.Job job;
    try {
      if (async) {
        String method = ctx.method().name();
        String path = ctx.path();
        job =
            jobs.submit(
                name,
                dataset.id(),
                (reading, analysing) ->
                    problems.clean((JsonNode) analyse(dataset, prepared, reading, analysing), labels),
                e -> problems.toProblem(e, method, path, labels),
                permit::close);
      } else {
        job = jobs.run(name, dataset.id(), (reading, analysing) -> analyse(dataset, prepared, reading, analysing), permit::close);
      }
    } catch (RuntimeException e) {
      permit.close();
      throw e;
    }
    if (async) {
      ctx.status(202).header("Location", JOBS + "/" + job.id);
      write(ctx, jobs.view(job));
    } else {
      analyses.answer(ctx, jobs.await(job, dataset.bytes()));
    }
  }

  /**
   * Runs {@code prepared} on the dataset: reads its files first unless they are parsed in memory
   * ({@code reading} and {@code analysing} are told when each starts). Running out of memory is a
   * 413 naming the dataset's size and the heap limit.
   */
  private Object analyse(
      Dataset dataset, AnalysisEndpoints.Prepared prepared, Runnable reading, Runnable analysing) {
    try {
      if (!parsed.contains(dataset.id())) {
        reading.run();
      }
      AnalysisScope scope = parsed.scope(dataset);
      analysing.run();
      return prepared.run(scope);
    } catch (OutOfMemoryError e) {
      throw new ApiProblem(413, "Too large to analyse", AnalysisRunner.outOfMemory(dataset.bytes()));
    }
  }

  /** Longest a job poll may wait for the job to move ({@code GET /api/jobs/{id}?wait=S}). */
  static final int MAX_WAIT_SECONDS = 20;

  @OpenApi(
      path = JOBS + "/{id}",
      methods = HttpMethod.GET,
      operationId = "getJob",
      tags = {"datasets"},
      summary = "An analysis job: status, phase, place in line, time; its result or problem once ended",
      description =
          "With wait=S (0 to 20 seconds) the answer comes as soon as the job moves to another phase"
              + " (starts reading, starts analysing, ends) or after S seconds, whichever is first:"
              + " a long poll, so that a job that ends is seen at once rather than at the next poll.",
      pathParams = {@OpenApiParam(name = "id", required = true, description = "32 hex digits")},
      queryParams = {
        @OpenApiParam(
            name = "wait",
            type = Integer.class,
            description = "0 (default: answer at once) to 20: seconds to wait for the job to move")
      },
      responses = {
        @OpenApiResponse(status = "200", description = "status queued, running, done (with 'result') or failed (with 'problem')"),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "404", content = @OpenApiContent(from = ProblemResponse.class))
      })
  public void job(Context ctx) {
    AnalysisJobs.Job job =
        jobs.get(ctx.pathParam("id"))
            .orElseThrow(
                () ->
                    new ApiProblem(
                        404, "Unknown job", "no such job (jobs are kept 10 minutes after they end)"));
    // within the server's deadline for a request (the async timeout), with a second to spare
    long wait =
        Math.min(
            RequestParams.integer(ctx, "wait", 0, 0, MAX_WAIT_SECONDS),
            Math.max(0, runner.timeout().toSeconds() - 1));
    AnalysisJobs.Phase seen = job.phase.get();
    if (wait == 0 || job.ended()) {
      write(ctx, jobs.view(job));
      return;
    }
    // no server thread is held while waiting: the answer is written when the job moves or the
    // wait is over (copy: the job's signal is shared by every poll and is never completed here)
    ctx.future(
        () ->
            job.leaves(seen)
                .copy()
                .completeOnTimeout(null, wait, TimeUnit.SECONDS)
                .thenAcceptAsync(moved -> write(ctx, jobs.view(job))));
  }

  private Dataset dataset(Context ctx) {
    String id = ctx.pathParam("id");
    return store.get(id).orElseThrow(() -> unknown(id));
  }

  private static ApiProblem unknown(String id) {
    return new ApiProblem(
        404,
        "Unknown dataset",
        "no dataset " + RequestParams.shorten(id) + " is stored (it may have been evicted); upload it again with POST " + PATH);
  }

  private ObjectNode view(Dataset d, Optional<ImportReport> report) {
    ObjectNode v = json.createObjectNode();
    v.put("id", d.id());
    v.put("bytes", d.bytes());
    v.put("created", d.created().toString());
    v.put("zone", d.read().zone().getId());
    v.put("strict", d.read().strict());
    ArrayNode files = v.putArray("files");
    addFiles(files, UploadReceiver.USAGE, d.inputs().usage());
    addFiles(files, UploadReceiver.CATALOG, d.inputs().catalog().stream().toList());
    addFiles(files, UploadReceiver.ENTITLEMENTS, d.inputs().entitlements());
    addFiles(files, UploadReceiver.IDENTITIES, d.inputs().identities().stream().toList());
    report.ifPresent(
        r -> {
          ObjectNode imp = v.putObject("import");
          imp.put("rowsRead", r.rowsRead());
          imp.put("accepted", r.accepted());
          imp.put("rejected", r.rejected());
        });
    ObjectNode links = v.putObject("analyses");
    byName.keySet().forEach(n -> links.put(n, PATH + "/" + d.id() + "/" + n));
    return v;
  }

  private static void addFiles(ArrayNode files, String field, java.util.List<UploadedSource> sources) {
    for (UploadedSource s : sources) {
      ObjectNode f = files.addObject();
      f.put("field", field);
      f.put("file", s.label());
      try {
        f.put("bytes", java.nio.file.Files.size(s.path()));
      } catch (IOException e) {
        f.put("bytes", 0);
      }
    }
  }

  private void write(Context ctx, ObjectNode body) {
    ctx.contentType("application/json");
    try {
      ctx.result(json.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
