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
    header = "What to change at renewal (true-up / true-down), largest saving first.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Review today's plan (--entitlements) against the usage as of a date: idle named seats,",
      "Flex users past break-even and named users below it, collection moves both ways, double",
      "charges, sessions left running past 24 hours and token lots about to expire. Each action",
      "says what it saves a year and the renewal at which it can be made."
    },
    footer = {
      "",
      "Example:",
      "  seatwise review --usage examples/acme-sessions.csv --entitlements"
          + " examples/acme-subscriptions.csv \\",
      "      --entitlements examples/acme-users.csv"
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
      description = "A named seat unused for N days or more is idle (default: ${DEFAULT-VALUE}).")
  int idleDays;

  @Option(
      names = "--expiry-window",
      paramLabel = "DAYS",
      defaultValue = "90",
      description = "Check token lots expiring within DAYS (default: ${DEFAULT-VALUE}).")
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
        table(response, top, out());
        out().flush();
    }
    return 0;
  }

  static void table(ReviewResponse r, int top, PrintWriter out) {
    Text.sentence(
        out,
        String.format(
            "seatwise review as of %s: usage %s to %s (%d days) scaled to a year%s",
            r.asOf(),
            r.history().from(),
            r.history().to(),
            r.history().days(),
            r.tokenPrice() == null
                ? ""
                : ", Flex at " + Text.unitPrice(r.tokenPrice()) + " " + r.currency() + "/token"));
    ImportSummary.print(r.importReport(), out);
    out.println();
    if (r.actions().isEmpty()) {
      out.println("No action: the plan fits the usage.");
    } else {
      Map<String, long[]> counts = new TreeMap<>();
      Map<String, BigDecimal> sums = new TreeMap<>();
      for (RenewalActionDto a : r.actions()) {
        counts.computeIfAbsent(a.kind(), k -> new long[1])[0]++;
        sums.merge(a.kind(), a.saving(), BigDecimal::add);
      }
      out.println(
          Text.left("ACTION", 22)
              + " "
              + Text.right("COUNT", 6)
              + " "
              + Text.right("SAVING/YR (" + r.currency() + ")", 18));
      counts.forEach(
          (kind, n) ->
              out.println(
                  Text.left(kind, 22)
                      + " "
                      + Text.right(Long.toString(n[0]), 6)
                      + " "
                      + Text.right(Text.money(sums.get(kind)), 18)));
      out.println(
          "Savings of actions about one user can be alternatives; they do not simply add up.");
      out.println();
      int n = r.actions().size();
      int shown = top <= 0 ? n : Math.min(top, n);
      out.printf(
          "Actions, largest saving first (%d of %d%s)%n",
          shown, n, shown < n ? "; --top 0 shows all" : "");
      out.println(
          Text.right("SAVING/YR", 11)
              + "  "
              + Text.left("WHEN", 10)
              + "  "
              + Text.left("ACTION", 21)
              + "  WHO / WHAT");
      for (RenewalActionDto a : r.actions().subList(0, shown)) {
        String who =
            (a.user() == null ? "" : a.user())
                + (a.offering() == null ? "" : (a.user() == null ? "" : " ") + a.offering())
                + (a.lot() == null ? "" : " lot " + a.lot());
        out.println(
            Text.right(Text.money(a.saving()), 11)
                + "  "
                + Text.left(a.actionableOn().toString(), 10)
                + "  "
                + Text.left(a.kind(), 21)
                + "  "
                + Text.fit(who, 50));
        for (String w : Text.wrap(a.reason(), Text.WIDTH, "             ", "             ")) {
          out.println(w);
        }
      }
    }
    ComparisonTable.notes(r.notes(), out);
  }
}
