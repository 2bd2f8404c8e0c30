package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.CsvTables;
import dev.seatwise.adapter.json.dto.BreakEvenDto;
import dev.seatwise.adapter.json.dto.ScenarioDto;
import dev.seatwise.adapter.json.dto.SensitivityCaseDto;
import dev.seatwise.adapter.json.dto.SensitivityResponse;
import dev.seatwise.adapter.json.mapping.JsonSensitivityMapper;
import dev.seatwise.application.port.in.AnalyzeSensitivityQuery;
import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.SensitivityReport;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seatwise sensitivity}: scenario totals when prices or usage change, and break-evens. */
@Command(
    name = "sensitivity",
    header = "Totals when token price, named prices or usage change; break-evens.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the comparison again with the token price, the named prices or the usage changed by",
      "given percentages, one at a time, and show which scenario is cheapest in each case, and the",
      "break-even per product: the Flex access windows a year from which a named seat pays."
    },
    footer = {
      "",
      "Example:",
      "  seatwise sensitivity --usage examples/acme-sessions.csv \\",
      "      --token-price=-20,-10,10,20 --usage-change=50"
    })
public final class SensitivityCommand extends AnalysisCommand {
  private static final List<String> SCENARIOS =
      List.of("optimal", "all-named", "all-flex", "current", "network");
  private static final List<String> DEFAULTS =
      AnalyzeSensitivityQuery.DEFAULT_CHANGES.stream().map(BigDecimal::toPlainString).toList();

  @Mixin CompareOptions compare;

  @Option(
      names = "--token-price",
      paramLabel = "PCT",
      split = ",",
      description = "Token price changes in %%, or none (default: -20,-10,10,20).")
  List<String> tokenPrice = DEFAULTS;

  @Option(
      names = "--named-price",
      paramLabel = "PCT",
      split = ",",
      description = "Named price changes in %%, or none (default: -20,-10,10,20).")
  List<String> namedPrice = DEFAULTS;

  @Option(
      names = "--usage-change",
      paramLabel = "PCT",
      split = ",",
      description = "Usage changes in %%, or none (default: -20,-10,10,20).")
  List<String> usageChange = DEFAULTS;

  public SensitivityCommand(UseCases useCases) {
    super(useCases);
  }

  @Override
  public Integer call() {
    Currency currency = currency();
    CompareScenariosQuery comparison =
        compare.query(input.period(), useCases.catalog(input.catalog).latest());
    List<BigDecimal> token = percents(tokenPrice, "--token-price");
    List<BigDecimal> named = percents(namedPrice, "--named-price");
    List<BigDecimal> used = percents(usageChange, "--usage-change");
    AnalyzeSensitivityQuery q =
        query(() -> new AnalyzeSensitivityQuery(comparison, token, named, used));
    SensitivityResponse response;
    try (ImportTracker tracker = ImportTracker.forFiles(input.usage)) {
      Inputs inputs = input.inputs(useCases, tracker);
      SensitivityReport report = useCases.analyzeSensitivity(inputs).analyze(q);
      response =
          JsonSensitivityMapper.INSTANCE.toResponse(
              report, tracker.allFiles(), currency, tracker.notes());
    }
    switch (output.format()) {
      case JSON:
        printJson(response);
        break;
      case CSV:
        printCsv(CsvTables.sensitivity(response));
        break;
      default:
        table(response, out());
        out().flush();
    }
    return 0;
  }

  /** The changes of one option; {@code none} for no change of that kind. */
  private List<BigDecimal> percents(List<String> values, String option) {
    List<BigDecimal> out = new ArrayList<>();
    for (String v : values) {
      String t = v.strip().replace("%", "");
      if (t.equalsIgnoreCase("none") || t.isEmpty()) {
        continue;
      }
      try {
        out.add(new BigDecimal(t.startsWith("+") ? t.substring(1) : t));
      } catch (NumberFormatException e) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), option + ": '" + v + "' is not a percentage (e.g. -10,10 or none)");
      }
    }
    return out;
  }

  static void table(SensitivityResponse r, PrintWriter out) {
    out.printf(
        "seatwise sensitivity: %s to %s (%s), totals in %s%n",
        r.period().from(), r.period().to(), Text.days(r.period().days()), r.currency());
    ImportSummary.print(r.importReport(), out);
    out.println();
    StringBuilder head = new StringBuilder(Text.left("CHANGE", 19));
    for (String s : SCENARIOS) {
      head.append(' ').append(Text.right(s.toUpperCase(Locale.ROOT), 13));
    }
    out.println(head.append("  CHEAPEST"));
    List<SensitivityCaseDto> all = new ArrayList<>();
    all.add(r.baseline());
    all.addAll(r.cases());
    for (SensitivityCaseDto c : all) {
      StringBuilder line = new StringBuilder(Text.left(label(c), 19));
      for (String name : SCENARIOS) {
        line.append(' ')
            .append(
                Text.right(
                    c.scenarios().stream()
                        .filter(s -> s.name().equals(name))
                        .map(ScenarioDto::total)
                        .findFirst()
                        .map(Text::money)
                        .orElse("-"),
                    13));
      }
      out.println(line.append("  ").append(c.cheapest() == null ? "-" : c.cheapest()));
    }
    out.println();
    out.println(
        "Break-even per product at today's prices: from how many UNITs a named seat pays");
    out.println(
        Text.left("PRODUCT", 10)
            + " "
            + Text.right("NAMED/YR", 12)
            + " "
            + Text.right("TOKENS/WINDOW", 14)
            + " "
            + Text.right("TOKEN PRICE", 12)
            + " "
            + Text.right("BREAK-EVEN", 11)
            + " "
            + Text.right("NAMED FROM", 11)
            + " UNIT");
    for (BreakEvenDto b : r.baseline().breakEvens()) {
      out.println(
          Text.left(b.product(), 10)
              + " "
              + Text.right(Text.money(b.namedAnnual()), 12)
              + " "
              + Text.right(Long.toString(b.tokensPerWindow()), 14)
              + " "
              + Text.right(Text.unitPrice(b.tokenPrice()), 12)
              + " "
              + Text.right(
                  b.windowsPerYear() == null
                      ? "-"
                      : String.format(Locale.ROOT, "%.1f", b.windowsPerYear()),
                  11)
              + " "
              + Text.right(b.namedPaysFrom() == null ? "-" : Long.toString(b.namedPaysFrom()), 11)
              + " " + b.unit());
    }
    ComparisonTable.notes(r.notes(), out);
  }

  private static String label(SensitivityCaseDto c) {
    if (c.dimension().equals("baseline")) {
      return "baseline";
    }
    String pct = BigDecimal.valueOf(c.percent()).stripTrailingZeros().toPlainString();
    return c.dimension().replace('-', ' ') + " " + (c.percent() > 0 ? "+" : "") + pct + "%";
  }
}
