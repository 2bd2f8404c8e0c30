package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.CsvTables;
import dev.seatwise.adapter.json.Pseudonyms;
import dev.seatwise.adapter.json.dto.DifferenceDto;
import dev.seatwise.adapter.json.dto.ReconciliationResponse;
import dev.seatwise.adapter.json.mapping.JsonReconciliationMapper;
import dev.seatwise.application.port.in.ChargeReconciliation;
import dev.seatwise.application.port.in.ReconcileChargesQuery;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code seatwise reconcile}: what Flex charged beside what the rules say, per user, product, day. */
@Command(
    name = "reconcile",
    header = "What Flex charged beside what the rules say, per user, product and day.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Sets the Autodesk Token Usage export (what Flex charged: day, user, product, tokens) beside",
      "the replay of the same people's usage (sessions CSV, FlexLM log, lmstat or the Autodesk usage",
      "export), both given with --usage. Per user x product x day: charged, replayed, the difference",
      "and the reason (charged with no usage seen; usage seen and not charged; different amount),",
      "with the likely rule (continuation past 24 h, idle pause, use under 5 minutes); and totals."
    },
    footer = {
      "",
      "Example:",
      "  seatwise reconcile --usage token-usage.csv --usage adskflex.log --identities people.csv"
    })
public final class ReconcileCommand extends AnalysisCommand {
  public ReconcileCommand(UseCases useCases) {
    super(useCases);
  }

  @Override
  public Integer call() {
    ReconciliationResponse response;
    try (ImportTracker tracker = ImportTracker.forFiles(input.usage)) {
      ChargeReconciliation r =
          useCases
              .reconcileCharges(input.inputs(useCases, tracker))
              .reconcile(new ReconcileChargesQuery(input.period()));
      response =
          JsonReconciliationMapper.INSTANCE.toResponse(r, tracker.allFiles(), tracker.notes());
    }
    if (input.privacy()) {
      response = hideUsers(response, pseudonyms());
    }
    switch (output.format()) {
      case JSON:
        printJson(response);
        break;
      case CSV:
        printCsv(CsvTables.differences(response));
        break;
      default:
        table(response, out());
        out().flush();
    }
    return 0;
  }

  private static ReconciliationResponse hideUsers(ReconciliationResponse r, Pseudonyms pseudonyms) {
    List<DifferenceDto> hidden = new ArrayList<>();
    for (DifferenceDto d : r.differences()) {
      hidden.add(
          new DifferenceDto(
              d.day(), pseudonyms.of(d.user()), d.product(), d.charged(), d.replayed(),
              d.difference(), d.kind(), d.rule(), d.reason()));
    }
    return new ReconciliationResponse(
        r.period(), r.catalog(), r.importReport(), r.charged(), r.replayed(), r.difference(),
        r.daysCompared(), hidden, r.notes());
  }

  private static void table(ReconciliationResponse r, PrintWriter out) {
    Text.sentence(
        out,
        String.format(
            "seatwise reconcile: %s catalog, %s to %s (%s, [from, to) in %s)",
            r.catalog(), r.period().from(), r.period().to(), Text.days(r.period().days()), r.period().zone()));
    ImportSummary.print(r.importReport(), out);
    out.println();
    Text.sentence(
        out,
        String.format(
            "Flex charged %s tokens; the replay charges %s; difference %s%s (%d of %d user x product"
                + " x days differ)",
            Text.count(r.charged()),
            Text.count(r.replayed()),
            r.difference() > 0 ? "+" : "",
            Text.count(r.difference()),
            r.differences().size(),
            r.daysCompared()));
    if (!r.differences().isEmpty()) {
      out.println();
      out.println(
          Text.left("DAY", 10) + " " + Text.left("USER", 22) + " " + Text.left("PRODUCT", 8) + " "
              + Text.right("CHARGED", 7) + " " + Text.right("REPLAYED", 8) + " "
              + Text.right("DIFF", 5) + "  REASON");
      int shown = 0;
      for (DifferenceDto d : r.differences()) {
        if (shown++ == 100) {
          out.println(
              "... " + (r.differences().size() - 100) + " more: use --output json or csv for all");
          break;
        }
        String head =
            Text.left(d.day().toString(), 10) + " " + Text.left(d.user(), 22) + " "
                + Text.left(d.product(), 8) + " " + Text.right(Text.count(d.charged()), 7) + " "
                + Text.right(Text.count(d.replayed()), 8) + " "
                + Text.right((d.difference() > 0 ? "+" : "") + d.difference(), 5) + "  ";
        List<String> lines = Text.wrap(d.reason(), Text.WIDTH, head, " ".repeat(head.length()));
        for (String l : lines) {
          out.println(l);
        }
      }
    }
    ComparisonTable.notes(r.notes(), out);
  }
}
