package dev.seatwise.adapter.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seatwise.adapter.json.CsvExporter;
import dev.seatwise.adapter.json.CsvTables;
import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.adapter.json.dto.ConcurrencyResponse;
import dev.seatwise.adapter.json.mapping.JsonComparisonMapper;
import dev.seatwise.adapter.json.mapping.JsonConcurrencyMapper;
import dev.seatwise.adapter.json.dto.ForecastResponse;
import dev.seatwise.adapter.json.dto.ReviewResponse;
import dev.seatwise.adapter.json.mapping.JsonForecastMapper;
import dev.seatwise.adapter.json.mapping.JsonReviewMapper;
import dev.seatwise.adapter.json.mapping.JsonReconciliationMapper;
import dev.seatwise.adapter.json.dto.ReconciliationResponse;
import dev.seatwise.application.port.in.ChargeReconciliation;
import dev.seatwise.application.port.in.ReconcileChargesQuery;
import dev.seatwise.adapter.web.dto.ProblemResponse;
import dev.seatwise.application.port.in.BurnPlan;
import dev.seatwise.application.port.in.ForecastTokensQuery;
import dev.seatwise.application.port.in.ReviewRenewalsQuery;
import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.ConcurrencyQuery;
import dev.seatwise.application.port.in.ConcurrencyReport;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.RenewalReview;
import dev.seatwise.application.port.in.TokenForecast;
import dev.seatwise.application.port.out.GroupBy;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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
  private final Clock clock;
  private final UploadLimit perClient;
  private final ParsedDatasets parsed;
  private final RepeatedUploads bodies;

  /** An analysis with its parameters read from the request, ready to run on a scope. */
  @FunctionalInterface
  public interface Prepared {
    /** The answer: a JSON object, or text for a CSV download. */
    Object run(AnalysisScope scope);
  }

  /**
   * The analyses a stored dataset offers, by the name of their resource ({@code POST
   * /api/datasets/{id}/NAME}): each reads its parameters from the request. Adding an analysis to
   * datasets is one line here.
   */
  public Map<String, Function<Context, Prepared>> byName() {
    Map<String, Function<Context, Prepared>> m = new LinkedHashMap<>();
    m.put("comparisons", this::comparison);
    m.put("concurrency", this::concurrencyAnalysis);
    m.put("forecasts", this::forecast);
    m.put("reviews", this::review);
    m.put("reconciliations", this::reconciliation);
    return m;
  }

  /** Most simulations one web request may ask of the forecast. */
  static final int MAX_SIMULATIONS = 20_000;

  public AnalysisEndpoints(
      WebUseCases useCases,
      UploadReceiver uploads,
      AnalysisRunner runner,
      ObjectMapper json,
      ProblemTranslator problems,
      Clock clock,
      UploadLimit perClient,
      ParsedDatasets parsed,
      RepeatedUploads bodies) {
    this.parsed = parsed;
    this.bodies = bodies;
    this.clock = clock;
    this.perClient = perClient;
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
        @OpenApiParam(name = "format", description = "json (default) or csv"),
        @OpenApiParam(
            name = "by",
            description =
                "team or cost-centre: split every scenario's cost by the identity map's groups"
                    + " (chargeback: 'breakdown'; with format=csv the breakdown table)"),
        @OpenApiParam(
            name = "poolRefusalRate",
            description =
                "0 (default) up to, not including, 1: the share of a token pool's intervals the"
                    + " pool-aware optimum may refuse")
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
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = ComparisonResponse.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "401", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "413", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "415", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "422", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "503", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "507", content = @OpenApiContent(from = ProblemResponse.class))
      })
  public void compare(Context ctx) {
    oneShot(ctx, comparison(ctx));
  }

  /**
   * The comparison the request asks for; {@code ?format=csv}: the per-user table as CSV; {@code
   * ?by=team|cost-centre}: with the chargeback (as CSV: the breakdown table); {@code
   * ?poolRefusalRate=R} (0 <= R < 1): the service level of a token-pool vendor's optimum.
   */
  Prepared comparison(Context ctx) {
    PeriodSpec period = RequestParams.period(ctx);
    boolean asCsv = RequestParams.csv(ctx, true);
    Optional<GroupBy> by = RequestParams.grouping(ctx, "by");
    double refusals = RequestParams.rate(ctx, "poolRefusalRate");
    CompareScenariosQuery query =
        RequestParams.valid(
            () ->
                by.map(CompareScenariosQuery.of(period)::withBreakdown)
                    .orElse(CompareScenariosQuery.of(period))
                    .withPoolRefusalRate(refusals));
    return scope -> {
      Comparison compared = scope.comparing().compare(query);
      // the entitlement files' rows too, as the CLI reports them: none vanishes without a word
      Comparison c =
          compared.withImport(
              compared.importReport().plus(scope.entitlementsReport()), compared.notes());
      ComparisonResponse response = JsonComparisonMapper.INSTANCE.toResponse(c);
      if (asCsv) {
        return csv.toCsv(by.isPresent() ? CsvTables.breakdown(response) : CsvTables.users(response));
      }
      ObjectNode body = json.valueToTree(response);
      appendNotes(body, scope.importNotes());
      body.set("breakEven", json.valueToTree(ChartExtras.breakEven(c, scope.catalog())));
      return body;
    };
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
    oneShot(ctx, concurrencyAnalysis(ctx));
  }

  Prepared concurrencyAnalysis(Context ctx) {
    RequestParams.csv(ctx, false); // JSON only: format=csv is a 400, not a JSON answer
    PeriodSpec period = RequestParams.period(ctx);
    double rate = RequestParams.rate(ctx, "refusalRate");
    return scope -> {
      ConcurrencyReport analysed =
          scope.analysingConcurrency().analyze(new ConcurrencyQuery(period, rate));
      // the entitlement files' rows too, as the CLI's concurrency reports them
      ConcurrencyReport r =
          new ConcurrencyReport(
              analysed.period(),
              analysed.importReport().plus(scope.entitlementsReport()),
              analysed.products(),
              analysed.notes());
      ObjectNode body = json.valueToTree(JsonConcurrencyMapper.INSTANCE.toResponse(r));
      appendNotes(body, scope.importNotes());
      Optional<AnalysisPeriod> p = r.period();
      body.set("timeline", json.valueToTree(ChartExtras.timeline(scope.usage(), period.zone(), p)));
      return body;
    };
  }

  @OpenApi(
      path = "/api/forecasts",
      methods = HttpMethod.POST,
      operationId = "forecastTokens",
      tags = {"analysis"},
      summary = "Token forecast: monthly burn, projected balance, P50/P90 burn, run-out, purchase plan",
      description =
          "Same uploads as /api/comparisons (usage, optional catalog and entitlements) or"
              + " ?example=NAME. The history is [from, to) (default: the data up to asOf); the"
              + " forecast runs horizonMonths from asOf (default: 'to', else today).",
      queryParams = {
        @OpenApiParam(name = "asOf", description = "forecast date, e.g. 2026-01-01"),
        @OpenApiParam(name = "from"),
        @OpenApiParam(name = "to"),
        @OpenApiParam(name = "zone"),
        @OpenApiParam(name = "horizonMonths", type = Integer.class, description = "1..120, default 12"),
        @OpenApiParam(name = "simulations", type = Integer.class, description = "1..20000, default 1000"),
        @OpenApiParam(name = "seed", type = Long.class),
        @OpenApiParam(
            name = "plan",
            description =
                "whose Flex burn to forecast: unassigned (default: the windows no held seat"
                    + " covers, by subscription dates and seat counts), all-flex (every window),"
                    + " current (the same, assuming the heaviest users seated without a Users"
                    + " export) or optimal (the Flex users of compare's optimal plan)"),
        @OpenApiParam(name = "example"),
        @OpenApiParam(name = "strict")
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
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = ForecastResponse.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "422", content = @OpenApiContent(from = ProblemResponse.class))
      })
  public void forecasts(Context ctx) {
    oneShot(ctx, forecast(ctx));
  }

  /** The forecast's {@code plan} parameter: unassigned (as before) when absent or blank. */
  private static BurnPlan burnPlan(String value) {
    return value == null || value.isBlank() ? BurnPlan.UNASSIGNED : BurnPlan.parse(value);
  }

  Prepared forecast(Context ctx) {
    RequestParams.csv(ctx, false); // JSON only: format=csv is a 400, not a JSON answer
    PeriodSpec period = RequestParams.period(ctx);
    LocalDate asOf = RequestParams.date(ctx, "asOf").or(period::to).orElse(LocalDate.now(clock));
    ForecastTokensQuery query =
        RequestParams.valid(
            () ->
                new ForecastTokensQuery(
                    asOf,
                    period,
                    RequestParams.integer(ctx, "horizonMonths", ForecastTokensQuery.DEFAULT_HORIZON_MONTHS, 1, ForecastTokensQuery.MAX_HORIZON_MONTHS),
                    RequestParams.integer(ctx, "simulations", ForecastTokensQuery.DEFAULT_SIMULATIONS, 1, MAX_SIMULATIONS),
                    RequestParams.longValue(ctx, "seed", ForecastTokensQuery.DEFAULT_SEED),
                    burnPlan(ctx.queryParam("plan"))));
    return scope -> {
      TokenForecast forecast = scope.forecastingTokens().forecast(query);
      return json.valueToTree(
          JsonForecastMapper.INSTANCE.toResponse(
              forecast, scope.usage().report().plus(scope.entitlementsReport()), currency(scope),
              scope.importNotes()));
    };
  }

  @OpenApi(
      path = "/api/reviews",
      methods = HttpMethod.POST,
      operationId = "reviewRenewals",
      tags = {"analysis"},
      summary = "Renewal review: idle seats, moves between named, Flex and bundles, expiring lots",
      description =
          "Same uploads as /api/comparisons; give 'entitlements' (subscriptions and users exports)"
              + " for seat-level actions. History [from, to), default: the data up to asOf.",
      queryParams = {
        @OpenApiParam(name = "asOf", description = "review date (default: 'to', else today)"),
        @OpenApiParam(name = "from"),
        @OpenApiParam(name = "to"),
        @OpenApiParam(name = "zone"),
        @OpenApiParam(name = "idleDays", type = Integer.class, description = "default 30"),
        @OpenApiParam(name = "expiryWindowDays", type = Integer.class, description = "default 90"),
        @OpenApiParam(name = "example"),
        @OpenApiParam(name = "strict")
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
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = ReviewResponse.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "422", content = @OpenApiContent(from = ProblemResponse.class))
      })
  public void reviews(Context ctx) {
    oneShot(ctx, review(ctx));
  }

  Prepared review(Context ctx) {
    RequestParams.csv(ctx, false); // JSON only: format=csv is a 400, not a JSON answer
    PeriodSpec period = RequestParams.period(ctx);
    LocalDate asOf = RequestParams.date(ctx, "asOf").or(period::to).orElse(LocalDate.now(clock));
    ReviewRenewalsQuery query =
        RequestParams.valid(
            () ->
                new ReviewRenewalsQuery(
                    asOf,
                    period,
                    RequestParams.integer(ctx, "idleDays", ReviewRenewalsQuery.DEFAULT_IDLE_DAYS, 1, 3660),
                    RequestParams.integer(ctx, "expiryWindowDays", ReviewRenewalsQuery.DEFAULT_EXPIRY_WINDOW_DAYS, 1, 3660)));
    return scope -> {
      RenewalReview review = scope.reviewingRenewals().review(query);
      return json.valueToTree(
          JsonReviewMapper.INSTANCE.toResponse(
              review, scope.usage().report().plus(scope.entitlementsReport()), currency(scope),
              scope.importNotes()));
    };
  }

  @OpenApi(
      path = "/api/reconciliations",
      methods = HttpMethod.POST,
      operationId = "reconcileCharges",
      tags = {"analysis"},
      summary = "What Flex charged (Token Usage export) beside the replay, per user, product and day",
      description =
          "Upload the Autodesk Token Usage export and the same people's usage (sessions CSV, FlexLM"
              + " log, lmstat or usage export) as 'usage' files, and 'identities' when the logs name"
              + " logins. Totals charged, replayed and their difference, and every user x product x"
              + " day that differs with its reason. Period [from, to), default: the span of both.",
      queryParams = {
        @OpenApiParam(name = "from"),
        @OpenApiParam(name = "to"),
        @OpenApiParam(name = "zone"),
        @OpenApiParam(name = "example"),
        @OpenApiParam(name = "strict")
      },
      requestBody =
          @OpenApiRequestBody(
              content = {
                @OpenApiContent(
                    mimeType = "multipart/form-data",
                    properties = {
                      @OpenApiContentProperty(name = "usage", isArray = true, type = "string", format = "binary"),
                      @OpenApiContentProperty(name = "catalog", type = "string", format = "binary"),
                      @OpenApiContentProperty(name = "identities", type = "string", format = "binary")
                    })
              }),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = ReconciliationResponse.class)),
        @OpenApiResponse(status = "400", content = @OpenApiContent(from = ProblemResponse.class)),
        @OpenApiResponse(status = "422", content = @OpenApiContent(from = ProblemResponse.class))
      })
  public void reconciliations(Context ctx) {
    oneShot(ctx, reconciliation(ctx));
  }

  Prepared reconciliation(Context ctx) {
    RequestParams.csv(ctx, false); // JSON only: format=csv is a 400, not a JSON answer
    ReconcileChargesQuery query =
        RequestParams.valid(() -> new ReconcileChargesQuery(RequestParams.period(ctx)));
    return scope -> {
      ChargeReconciliation r = scope.reconcilingCharges().reconcile(query);
      return json.valueToTree(
          JsonReconciliationMapper.INSTANCE.toResponse(
              r, scope.usage().report(), scope.importNotes()));
    };
  }

  private static Currency currency(AnalysisScope scope) {
    return scope.catalog().latest().currency();
  }

  /** Adds the import's notes to the answer's notes, as the CLI does. */
  private static void appendNotes(ObjectNode body, List<String> notes) {
    if (!notes.isEmpty() && body.get("notes") instanceof ArrayNode list) {
      notes.forEach(list::add);
    }
  }

  /** Answers an analysis' result: JSON, or CSV when it is text. */
  void answer(Context ctx, Object result) {
    if (result instanceof String text) {
      ctx.contentType("text/csv; charset=utf-8")
          .header("Content-Disposition", "attachment; filename=\"seatwise-users.csv\"")
          .result(text);
    } else {
      ctx.contentType("application/json");
      try {
        ctx.result(json.writeValueAsBytes(problems.clean((ObjectNode) result, ctx)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Receives the uploads or the example, runs {@code analysis} within the time bound, answers. The
   * files are read once: files byte for byte equal to a recent one-shot upload's, under the same
   * fields and names in the same order and read the same way ({@link RepeatedUploads}), are
   * compared as they arrive, neither written nor hashed, and analysed from what the first request
   * read; otherwise, when the same files under the same names were read the same way by a recent
   * request (they are still in memory, {@link ParsedDatasets}), the analysis runs on what that
   * request read. Either way the answer names the files as this request does, and is what a fresh
   * read answers.
   */
  private void oneShot(Context ctx, Prepared analysis) {
    // the request's place in the analyses' line: when it came, not when its body was read
    long came = System.nanoTime();
    ReadOptions read = RequestParams.readOptions(ctx);
    try (UploadLimit.Permit permit = perClient.acquire(ctx.ip())) {
      if (ctx.queryParam("example") != null) {
        try (RequestUploads files = receive(ctx)) {
          answer(ctx, read(ctx, analysis, files, read, new AtomicReference<>(), came));
        }
        return;
      }
      try (RepeatedUploads.Upload body = bodies.receive(ctx, read)) {
        Optional<String> key = body.repeatOf();
        Optional<ParsedDatasets.Parsed> known = key.flatMap(parsed::existing);
        if (known.isPresent()) {
          ParsedDatasets.Parsed p = known.get();
          ctx.attribute(ProblemTranslator.LABELS, p.labels());
          answer(
              ctx,
              runner.run(
                  () -> analysis.run(parsed.parsed(key.get(), () -> p).scope()),
                  ctx.contentLength(),
                  came));
          return;
        }
        // a new body, or a repeat whose files are no longer in memory: parse and read them
        try (RequestUploads files = checked(ctx, body.files())) {
          AtomicReference<String> readAs = new AtomicReference<>();
          Object result = read(ctx, analysis, files, read, readAs, came);
          body.answered(readAs.get());
          answer(ctx, result);
        }
      }
    }
  }

  /**
   * Runs {@code analysis} on the request's files, read once (or taken from a recent request that
   * read the same files under the same names the same way); sets {@code readAs} to the key they
   * were read under; it waits in the analyses' line at the place of a request that came at {@code
   * came} ({@link System#nanoTime()}).
   */
  private Object read(
      Context ctx,
      Prepared analysis,
      RequestUploads files,
      ReadOptions read,
      AtomicReference<String> readAs,
      long came) {
    AnalysisInputs inputs = files.inputs();
    Map<String, String> own = files.labels();
    AtomicReference<Map<String, String>> readFrom = new AtomicReference<>(own);
    try {
      return runner.run(
          () -> {
            String key =
                ParsedDatasets.uploadKey(DatasetStore.idOf(files, read), labelsInOrder(files));
            ParsedDatasets.Parsed p =
                parsed.parsed(key, () -> new ParsedDatasets.Parsed(useCases.over(inputs, read), own));
            readFrom.set(p.labels());
            readAs.set(key);
            return analysis.run(p.scope());
          },
          ctx.queryParam("example") == null ? ctx.contentLength() : -1,
          came);
    } finally {
      // the paths the answer (or its problem) may name: this request's and, when the files were
      // read by an earlier request, that request's, under the same labels
      Map<String, String> labels = new LinkedHashMap<>(own);
      labels.putAll(readFrom.get());
      ctx.attribute(ProblemTranslator.LABELS, labels);
    }
  }

  /** The request's files as {@code field=label}, in the order of their fields and parts. */
  private static List<String> labelsInOrder(RequestUploads files) {
    List<String> labels = new java.util.ArrayList<>();
    for (String field :
        List.of(UploadReceiver.USAGE, UploadReceiver.CATALOG, UploadReceiver.ENTITLEMENTS, UploadReceiver.IDENTITIES)) {
      files.files(field).forEach(f -> labels.add(field + "=" + f.label()));
    }
    return labels;
  }

  /**
   * The request's uploads (or {@code ?example=NAME}) in a temporary folder of their own, with at
   * least one usage file; their labels are set on the request. The caller closes the result.
   */
  RequestUploads receive(Context ctx) {
    String example = ctx.queryParam("example");
    return checked(ctx, example == null ? uploads.receive(ctx) : example(ctx, example));
  }

  /**
   * {@code files}, with their labels set on the request, once they hold at least one usage file;
   * else they are closed and the request is a 400.
   */
  private static RequestUploads checked(Context ctx, RequestUploads files) {
    try {
      ctx.attribute(ProblemTranslator.LABELS, files.labels());
      if (files.inputs().usage().isEmpty()) {
        throw ApiProblem.badRequest("send at least one 'usage' file (or ?example=NAME)");
      }
      return files;
    } catch (RuntimeException e) {
      files.close();
      throw e;
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
      copy(files, UploadReceiver.IDENTITIES, data.identityResources());
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
