package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.CsvTables;
import dev.seatwise.adapter.json.dto.RenewalActionDto;
import dev.seatwise.adapter.json.dto.ReviewResponse;
import dev.seatwise.adapter.json.mapping.JsonReviewMapper;
import dev.seatwise.application.port.in.RenewalReview;
import dev.seatwise.application.port.in.ReviewRenewalsQuery;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seatwise review}: what to change at renewal (true-up / true-down), as of a date. */
@Command(
    name = "review",
    header = "What to change, and when: the path from today's plan to the best plan reachable.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Review today's plan (--entitlements) as of a date, on the usage replayed from that date:",
      "seats nobody is assigned, idle named seats, moves between named, collection and Flex, true",
      "double charges, sessions left running past 24 hours and when to buy tokens. Actions are in",
      "the order they can be made (renewal, term end or now); each saving is net of the actions",
      "above it, so they add up to today's total minus the target's (the TOTAL AFTER column)."
    },
    footer = {
      "",
      "Example:",
      "  seatwise review --usage examples/acme-sessions.csv \\",
      "      --entitlements examples/acme-subscriptions.csv --entitlements examples/acme-users.csv"
    })
public final class ReviewCommand extends AnalysisCommand {
  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Review date (default: --to, else the day after the last day of usage).")
  LocalDate asOf;

  @Option(
      names = "--idle-days",
      paramLabel = "N",
      defaultValue = "30",
      description =
          "Named seats whose user has not used them for N days or more before the end of the"
              + " history are listed in a note, for reclaiming (default: ${DEFAULT-VALUE}); the"
              + " actions remove only seats unused in the whole period.")
  int idleDays;

  @Option(
      names = "--expiry-window",
      paramLabel = "DAYS",
      defaultValue = "90",
      description =
          "Kept for compatibility, not applied: every held lot that the target leaves tokens of"
              + " when it expires in the review period is a note (default: ${DEFAULT-VALUE}).")
  int expiryWindow;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "30",
      description = "Actions shown in the table (default: ${DEFAULT-VALUE}; 0 = all).")
  int top;

  public ReviewCommand(UseCases useCases) {
    super(useCases);
  }

  @Override
  public Integer call() {
    int shown = top(top);
    Currency currency = currency();
    ReviewResponse response;
    try (ImportTracker tracker = ImportTracker.forFiles(input.usage)) {
      Inputs inputs = input.inputs(useCases, tracker);
      LocalDate day = asOf(asOf, inputs);
      ReviewRenewalsQuery q =
          query(() -> new ReviewRenewalsQuery(day, input.period(), idleDays, expiryWindow));
      RenewalReview review = useCases.reviewRenewals(inputs).review(q);
      response =
          JsonReviewMapper.INSTANCE.toResponse(
              review, tracker.allFiles(), currency, tracker.notes());
    }
    if (input.privacy()) {
      response = Privacy.apply(response, pseudonyms());
    }
    switch (output.format()) {
      case JSON:
        printJson(response);
        break;
      case CSV:
        printCsv(CsvTables.actions(response));
        break;
      default:
        table(response, shown, out());
        out().flush();
    }
    return 0;
  }

  static void table(ReviewResponse r, int top, PrintWriter out) {
    Text.sentence(
        out,
        String.format(
            "seatwise review as of %s: the usage of %s to %s (%s) replayed over %s to %s%s",
            r.asOf(),
            r.history().from(),
            r.history().to(),
            Text.days(r.history().days()),
            r.period().from(),
            r.period().to(),
            r.tokenPrice() == null
                ? ""
                : ", Flex at " + Text.unitPrice(r.tokenPrice()) + " " + r.currency() + "/token"));
    ImportSummary.print(r.importReport(), out);
    out.println();
    int w = 16;
    out.println(Text.left("Today's plan, renewed as held", 44) + Text.right(Text.money(r.current()), w) + " " + r.currency());
    out.println(Text.left("Target, after every action below", 44) + Text.right(Text.money(r.target()), w));
    out.println(Text.left("Saving (the actions add up to it)", 44) + Text.right(Text.money(r.current().subtract(r.target())), w));
    out.println(Text.left("Optimum, every change on the review date", 44) + Text.right(Text.money(r.optimum()), w));
    out.println(Text.left("Gap: dates, changes left out (see notes)", 44) + Text.right(Text.signedMoney(r.timingGap()), w));
    out.println();
    if (r.actions().isEmpty()) {
      out.println(
          "No action: no change that can be made in the period lowers the total (the gap to the"
              + " optimum is what the dates cost).");
    } else {
      Map<String, long[]> counts = new TreeMap<>();
      Map<String, BigDecimal> sums = new TreeMap<>();
      for (RenewalActionDto a : r.actions()) {
        counts.computeIfAbsent(a.kind(), k -> new long[1])[0]++;
        sums.merge(a.kind(), a.saving(), BigDecimal::add);
      }
      out.println(
          Text.left("ACTION", 24)
              + " "
              + Text.right("COUNT", 6)
              + " "
              + Text.right("SAVING (" + r.currency() + ")", 16));
      counts.forEach(
          (kind, n) ->
              out.println(
                  Text.left(kind, 24)
                      + " "
                      + Text.right(Long.toString(n[0]), 6)
                      + " "
                      + Text.right(Text.money(sums.get(kind)), 16)));
      out.println();
      int n = r.actions().size();
      int shown = top <= 0 ? n : Math.min(top, n);
      out.printf(
          "Actions in the order they are made, each saving net of those above (%d of %d%s)%n",
          shown, n, shown < n ? "; --top 0 shows all" : "");
      out.println(
          Text.left("WHEN", 10)
              + "  "
              + Text.left("ACTION", 24)
              + " "
              + Text.right("SAVING", 11)
              + " "
              + Text.right("TOTAL AFTER", 14)
              + "  WHO / WHAT");
      out.println(
          Text.left("", 10) + "  " + Text.left("today's plan", 24) + " " + Text.right("", 11) + " "
              + Text.right(Text.money(r.current()), 14));
      for (RenewalActionDto a : r.actions().subList(0, shown)) {
        String who =
            (a.user() == null ? "" : a.user())
                + (a.offering() == null ? "" : (a.user() == null ? "" : " ") + a.offering())
                + (a.lot() == null ? "" : " lot " + a.lot());
        out.println(
            Text.left(a.actionableOn().toString(), 10)
                + "  "
                + Text.left(a.kind(), 24)
                + " "
                + Text.right(Text.money(a.saving()), 11)
                + " "
                + Text.right(Text.money(a.runningTotal()), 14)
                + "  "
                + Text.fit(who, 36));
        for (String line : Text.wrap(a.reason(), Text.WIDTH, "            ", "            ")) {
          out.println(line);
        }
      }
      if (shown < n) {
        BigDecimal rest = BigDecimal.ZERO;
        for (RenewalActionDto a : r.actions().subList(shown, n)) {
          rest = rest.add(a.saving());
        }
        out.println(
            Text.left("", 10) + "  " + Text.left((n - shown) + " more", 24) + " "
                + Text.right(Text.money(rest), 11) + " " + Text.right(Text.money(r.target()), 14));
      }
    }
    ComparisonTable.notes(r.notes(), out);
  }
}
