package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.CsvTables;
import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.application.port.out.GroupBy;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code seatwise compare}: what each licensing model would have cost, and the cheapest hybrid. */
@Command(
    name = "compare",
    header = "What each licensing model would have cost, and the cheapest mix.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Replay usage through the licensing rules and compare what each model would have cost:",
      "all-named, all-flex, network (legacy seats), current (today's plan, with --entitlements)",
      "and optimal (the cheapest mix of collections, named subscriptions and Flex tokens)."
    },
    footer = {
      "",
      "Example:",
      "  seatwise compare --usage examples/acme-sessions.csv",
      "  seatwise compare --usage usage.csv --entitlements subs.csv --entitlements users.csv -o"
          + " json",
      "  seatwise compare --usage usage.csv --identities people.csv --by team"
    })
public final class CompareCommand extends AnalysisCommand {
  @Mixin CompareOptions compare;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "25",
      description = "Users shown in the table (default: ${DEFAULT-VALUE}; 0 = all).")
  int top;

  @Option(
      names = "--by",
      paramLabel = "GROUPING",
      description =
          "Split every scenario's cost by team or cost-centre (chargeback; needs --identities,"
              + " whose team and cost_centre columns give the groups).")
  String by;

  public CompareCommand(UseCases useCases) {
    super(useCases);
  }

  @Override
  public Integer call() {
    int shown = top(top);
    Optional<GroupBy> breakdown = breakdown();
    prepareJson(ComparisonResponse.class);
    ComparisonResponse response =
        ComparisonRun.run(useCases, input, compare, AnalysisCommand::pseudonyms, breakdown);
    switch (output.format()) {
      case JSON:
        printJson(response);
        break;
      case CSV:
        printCsv(breakdown.isPresent() ? CsvTables.breakdown(response) : CsvTables.users(response));
        break;
      default:
        ComparisonTable.print(response, shown, output.verbose(), out());
        BreakdownTable.print(response, out());
        out().flush();
    }
    return 0;
  }

  private Optional<GroupBy> breakdown() {
    if (by == null) {
      return Optional.empty();
    }
    GroupBy g;
    try {
      g = GroupBy.fromLabel(by);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--by: " + e.getMessage());
    }
    if (input.identities == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--by " + g.label() + " needs an identity map (--identities FILE) with a "
              + (g == GroupBy.TEAM ? "team" : "cost_centre") + " column");
    }
    return Optional.of(g);
  }
}
