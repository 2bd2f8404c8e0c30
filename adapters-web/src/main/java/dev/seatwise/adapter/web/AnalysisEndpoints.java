package dev.seatwise.adapter.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seatwise.adapter.json.CsvExporter;
import dev.seatwise.adapter.json.CsvTables;
import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.adapter.json.dto.ConcurrencyResponse;
import dev.seatwise.adapter.json.mapping.JsonComparisonMapper;
import dev.seatwise.adapter.json.mapping.JsonConcurrencyMapper;
import dev.seatwise.adapter.web.dto.ProblemResponse;
import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.ConcurrencyQuery;
import dev.seatwise.application.port.in.ConcurrencyReport;
import dev.seatwise.application.port.in.PeriodSpec;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiContentProperty;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The analysis endpoints: each receives the request's files (or a bundled example) into a
 * temporary folder, runs one use case on the bounded runner, and answers the shared JSON contract
 * plus the data the page's charts need. The folder is deleted when the request ends, whatever
 * happens. Thread-safe.
 */
public final class AnalysisEndpoints {
  private final WebUseCases useCases;
  private final UploadReceiver uploads;
  private final AnalysisRunner runner;
  private final ObjectMapper json;
  private final ProblemTranslator problems;
  private final CsvExporter csv = new CsvExporter();

  public AnalysisEndpoints(
      WebUseCases useCases,
      UploadReceiver uploads,
      AnalysisRunner runner,
      ObjectMapper json,
      ProblemTranslator problems) {
    this.useCases = useCases;
    this.uploads = uploads;
    this.runner = runner;
    this.json = json;
    this.problems = problems;
  }

  @OpenApi(
      path = "/api/comparisons",
      methods = HttpMethod.POST,
      operationId = "compareScenarios",
      tags = {"analysis"},
      summary = "Compare all-named, all-Flex, network, current and optimal scenarios",
      description =
          "Multipart upload: one or more 'usage' files (sessions CSV, Autodesk exports, FlexLM"
              + " logs, lmstat), an optional 'catalog' YAML (default: the bundled autodesk"
              + " catalog) and optional 'entitlements' files. Or ?example=NAME for a bundled example."
              + " Answers the CLI's 'compare --output json' contract plus 'breakEven' for charts;"
              + " ?format=csv answers the per-user table as CSV (formula injection defused).",
      queryParams = {
        @OpenApiParam(name = "from", description = "first day, e.g. 2025-01-01 (default: data start)"),
        @OpenApiParam(name = "to", description = "day after the last, exclusive (default: data end)"),
        @OpenApiParam(name = "zone", description = "time zone of the days (default UTC)"),
        @OpenApiParam(name = "example", description = "name of a bundled example instead of uploads"),
        @OpenApiParam(name = "strict", description = "true: the first bad row fails the request (422)"),
        @OpenApiParam(name = "format", description = "json (default) or csv")
      },
      requestBody =
          @OpenApiRequestBody(
              content = {
                @OpenApiContent(
                    mimeType = "multipart/form-data",
                    properties = {
                      @OpenApiContentProperty(name = "usage", isArray = true, type = "string", format = "binary"),
                      @OpenApiContentProperty(name = "catalog", type = "string", format = "binary"),
                      @OpenApiContentProperty(name = "entitlements", isArray = true, type = "string", format = "binary")
                    })
              }),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = ComparisonResponse.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "401", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "413", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "415", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "422", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "503", content = @OpenApiContent(from = ProblemResponse.class))
      })
  public void compare(Context ctx) {
    PeriodSpec period = RequestParams.period(ctx);
    boolean asCsv = "csv".equalsIgnoreCase(ctx.queryParam("format"));
    withInputs(
        ctx,
        inputs ->
            runner.run(
                () -> {
                  AnalysisScope scope = useCases.over(inputs, RequestParams.readOptions(ctx));
                  Comparison c = scope.comparing().compare(CompareScenariosQuery.of(period));
                  ComparisonResponse response = JsonComparisonMapper.INSTANCE.toResponse(c);
                  if (asCsv) {
                    return csv.toCsv(CsvTables.users(response));
                  }
                  ObjectNode body = json.valueToTree(response);
                  body.set("breakEven", json.valueToTree(ChartExtras.breakEven(c, scope.catalog())));
                  return body;
                }),
        (result) -> {
          if (result instanceof String text) {
            ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"seatwise-users.csv\"")
                .result(text);
          } else {
            writeJson(ctx, (ObjectNode) result);
          }
        });
  }

  @OpenApi(
      path = "/api/concurrency",
      methods = HttpMethod.POST,
      operationId = "analyzeConcurrency",
      tags = {"analysis"},
      summary = "Concurrency per product: peak, percentiles, refusals, seats needed",
      description =
          "Same uploads as /api/comparisons (usage files; FlexLM logs, lmstat, sessions CSV) or"
              + " ?example=NAME. Answers the CLI's 'concurrency --output json' contract plus"
              + " 'timeline' (daily peaks and an hour x weekday heatmap per product).",
      queryParams = {
        @OpenApiParam(name = "from"),
        @OpenApiParam(name = "to"),
        @OpenApiParam(name = "zone"),
        @OpenApiParam(name = "refusalRate", description = "tolerated share of refused sessions, 0..1"),
        @OpenApiParam(name = "strict"),
        @OpenApiParam(name = "example")
      },
      requestBody =
          @OpenApiRequestBody(
              content = {
                @OpenApiContent(
                    mimeType = "multipart/form-data",
                    properties = {
                      @OpenApiContentProperty(name = "usage", isArray = true, type = "string", format = "binary")
                    })
              }),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = ConcurrencyResponse.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "413", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "422", content = @OpenApiContent(from = ProblemResponse.class))
      })
  public void concurrency(Context ctx) {
    PeriodSpec period = RequestParams.period(ctx);
    double rate = RequestParams.rate(ctx, "refusalRate");
    withInputs(
        ctx,
        inputs ->
            runner.run(
                () -> {
                  AnalysisScope scope = useCases.over(inputs, RequestParams.readOptions(ctx));
                  ConcurrencyReport r = scope.analysingConcurrency().analyze(new ConcurrencyQuery(period, rate));
                  ObjectNode body = json.valueToTree(JsonConcurrencyMapper.INSTANCE.toResponse(r));
                  Optional<AnalysisPeriod> p = r.period();
                  body.set(
                      "timeline",
                      json.valueToTree(ChartExtras.timeline(scope.usage(), period.zone(), p)));
                  return body;
                }),
        result -> writeJson(ctx, (ObjectNode) result));
  }

  @OpenApi(
      path = "/api/forecasts",
      methods = HttpMethod.POST,
      operationId = "forecastTokens",
      tags = {"analysis"},
      summary = "Token forecast (balance, P50/P90 band, expiry) — not available in this build yet",
      responses = {@OpenApiResponse(status = "501", content = @OpenApiContent(from = ProblemResponse.class))})
  public void forecasts(Context ctx) {
    throw notYet("forecasts");
  }

  @OpenApi(
      path = "/api/reviews",
      methods = HttpMethod.POST,
      operationId = "reviewEntitlements",
      tags = {"analysis"},
      summary = "Entitlement review — not available in this build yet",
      responses = {@OpenApiResponse(status = "501", content = @OpenApiContent(from = ProblemResponse.class))})
  public void reviews(Context ctx) {
    throw notYet("reviews");
  }

  private static ApiProblem notYet(String what) {
    return new ApiProblem(
        501,
        "Not implemented",
        "the " + what + " use case is not in this build yet; /api/comparisons and /api/concurrency are");
  }

  private void writeJson(Context ctx, ObjectNode body) {
    ctx.contentType("application/json");
    try {
      ctx.result(json.writeValueAsString(problems.clean(body, ctx)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Receives the uploads or the example, runs, answers, and always deletes the folder. */
  private void withInputs(
      Context ctx, Function<AnalysisInputs, Object> run, java.util.function.Consumer<Object> answer) {
    String example = ctx.queryParam("example");
    try (RequestUploads files = example == null ? uploads.receive(ctx) : example(ctx, example)) {
      ctx.attribute(ProblemTranslator.LABELS, files.labels());
      AnalysisInputs inputs = files.inputs();
      if (inputs.usage().isEmpty()) {
        throw ApiProblem.badRequest("send at least one 'usage' file (or ?example=NAME)");
      }
      answer.accept(run.apply(inputs));
    }
  }

  private RequestUploads example(Context ctx, String name) {
    uploads.checkDeclaredLength(ctx.req().getContentLengthLong());
    ExampleData data =
        useCases.examples().stream()
            .filter(e -> e.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new ApiProblem(
                        404,
                        "Unknown example",
                        "no bundled example called "
                            + RequestParams.shorten(name)
                            + "; GET /api/examples lists them"));
    RequestUploads files = uploads.empty();
    try {
      copy(files, UploadReceiver.USAGE, data.usageResources());
      copy(files, UploadReceiver.ENTITLEMENTS, data.entitlementResources());
      return files;
    } catch (RuntimeException e) {
      files.close();
      throw e;
    }
  }

  private static void copy(RequestUploads files, String field, List<String> resources) {
    int n = 0;
    for (String resource : resources) {
      n++;
      String label = resource.substring(resource.lastIndexOf('/') + 1);
      Path target = files.dir().resolve(field + "-" + n + "-" + label.replaceAll("[^A-Za-z0-9._-]", "_"));
      try (InputStream in = AnalysisEndpoints.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("bundled example resource missing: " + resource);
        }
        Files.copy(in, target);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      files.add(field, new UploadedSource(target, label));
    }
  }
}
