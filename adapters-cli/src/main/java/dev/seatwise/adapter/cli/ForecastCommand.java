package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.CsvTables;
import dev.seatwise.adapter.json.dto.ForecastResponse;
import dev.seatwise.adapter.json.mapping.JsonForecastMapper;
import dev.seatwise.application.port.in.BurnPlan;
import dev.seatwise.application.port.in.ForecastTokensQuery;
import dev.seatwise.application.port.in.TokenForecast;
import java.time.LocalDate;
import java.util.Currency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seatwise forecast}: Flex token burn, run-out, expiry waste and a purchase plan. */
@Command(
    name = "forecast",
    header = "Flex token burn ahead, run-out date, expiry waste and what to buy.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Learn the monthly Flex burn from the usage (--from/--to choose the history), project it",
      "through the token lots held, give the run-out date and the tokens that would expire unused,",
      "P50 and P90 of the burn ahead (a seeded bootstrap of whole weeks) and the purchase plan",
      "that covers the P90 path within lot expiry at the least cost plus expected waste.",
      "--plan chooses whose burn: unassigned (default), all-flex, current or optimal."
    },
    footer = {"", "Example:", "  seatwise forecast --usage examples/acme-sessions.csv --months 12"})
public final class ForecastCommand extends AnalysisCommand {
  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "First forecast day (default: --to, else the day after the last day of usage).")
  LocalDate asOf;

  @Option(
      names = "--months",
      paramLabel = "N",
      defaultValue = "12",
      description = "Months ahead (default: ${DEFAULT-VALUE}).")
  int months;

  @Option(
      names = "--simulations",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "Simulated runs for P50/P90 and the purchase plan (default: ${DEFAULT-VALUE}).")
  int simulations;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "20261128",
      description =
          "Seed of the resampling; the same seed gives the same forecast (default:"
              + " ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--plan",
      paramLabel = "PLAN",
      defaultValue = "unassigned",
      description =
          "Whose Flex burn to forecast: unassigned (the windows no held seat covers: a seat"
              + " covers its seated user only between its subscription's start and end), all-flex"
              + " (every window), current (the same, assuming the heaviest users seated without a"
              + " Users export; give --entitlements) or optimal (the products compare's optimal"
              + " plan leaves on Flex). Default: ${DEFAULT-VALUE}.")
  String plan;

  public ForecastCommand(UseCases useCases) {
    super(useCases);
  }

  @Override
  public Integer call() {
    Currency currency = currency();
    ForecastResponse response;
    try (ImportTracker tracker = ImportTracker.forFiles(input.usage)) {
      Inputs inputs = input.inputs(useCases, tracker);
      LocalDate day = asOf(asOf, inputs);
      ForecastTokensQuery q =
          query(
              () ->
                  new ForecastTokensQuery(
                      day, input.period(), months, simulations, seed, BurnPlan.parse(plan)));
      TokenForecast forecast = useCases.forecastTokens(inputs).forecast(q);
      response =
          JsonForecastMapper.INSTANCE.toResponse(
              forecast, tracker.allFiles(), currency, tracker.notes());
    }
    switch (output.format()) {
      case JSON:
        printJson(response);
        break;
      case CSV:
        printCsv(CsvTables.projection(response));
        break;
      default:
        ForecastTable.print(response, out());
        out().flush();
    }
    return 0;
  }
}
