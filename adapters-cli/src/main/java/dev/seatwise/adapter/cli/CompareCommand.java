package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.CsvTables;
import dev.seatwise.adapter.json.dto.ComparisonResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
          + " json"
    })
public final class CompareCommand extends AnalysisCommand {
  @Mixin CompareOptions compare;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "25",
      description = "Users shown in the table (default: ${DEFAULT-VALUE}; 0 = all).")
  int top;

  public CompareCommand(UseCases useCases) {
    super(useCases);
  }

  @Override
  public Integer call() {
    ComparisonResponse response = ComparisonRun.run(useCases, input, compare, pseudonyms());
    switch (output.format()) {
      case JSON:
        printJson(response);
        break;
      case CSV:
        printCsv(CsvTables.users(response));
        break;
      default:
        ComparisonTable.print(response, top, output.verbose(), out());
        out().flush();
    }
    return 0;
  }
}
