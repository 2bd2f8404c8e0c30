package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.dto.ForecastResponse;
import dev.seatwise.adapter.json.dto.MonthlyBurnDto;
import dev.seatwise.adapter.json.dto.PackCountDto;
import dev.seatwise.adapter.json.dto.PlannedPurchaseDto;
import dev.seatwise.adapter.json.dto.PoolBurnDto;
import dev.seatwise.adapter.json.dto.ProductLineBurnDto;
import dev.seatwise.adapter.json.dto.ProjectedMonthDto;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@code forecast} answer for people, at most {@link Text#WIDTH} columns. */
final class ForecastTable {
  private ForecastTable() {}

  static void print(ForecastResponse r, PrintWriter out) {
    Text.sentence(
        out,
        String.format(
            "seatwise forecast: Flex tokens from %s to %s, learnt from %s to %s (%s)",
            r.asOf(), r.horizonEnd(), r.history().from(), r.history().to(), Text.days(r.history().days())));
    ImportSummary.print(r.importReport(), out);
    out.println();
    Text.sentence(
        out,
        String.format(
            "History: %s tokens %s, %s a day on average",
            Text.count(r.historyTokens()),
            "all-flex".equals(r.burnPlan())
                ? "of every Flex window (all users on Flex)"
                    + (r.burnByPool().isEmpty() ? "" : " and of Enterprise Token Flex pools")
                : r.burnPlan() != null && !"unassigned".equals(r.burnPlan())
                ? "of Flex windows the " + r.burnPlan() + " plan's seats do not cover"
                    + (r.burnByPool().isEmpty() ? "" : " and of Enterprise Token Flex pools")
                : r.burnByPool().isEmpty()
                    ? "charged to users no subscription covers"
                    : "consumed by Enterprise Token Flex pools or charged to users no subscription covers",
            String.format(Locale.ROOT, "%,.1f", r.meanDailyBurn())));
    out.println(
        Text.left("MONTH", 8) + " " + Text.right("DAYS", 5) + " " + Text.right("TOKENS", 12));
    for (MonthlyBurnDto m : r.monthlyBurn()) {
      out.println(
          Text.left(m.month().toString(), 8)
              + " "
              + Text.right(Long.toString(m.daysObserved()), 5)
              + " "
              + Text.right(Text.count(m.tokens()), 12));
    }
    poolBurn(r, out);
    out.println();
    Text.sentence(
        out,
        String.format(
            "Burn ahead: expected %s tokens; P50 %s, P90 %s (%d simulated runs, seed %d)",
            Text.count(r.expectedBurn()),
            Text.count(r.p50Burn()),
            Text.count(r.p90Burn()),
            r.simulations(),
            r.seed()));
    Text.sentence(
        out,
        String.format(
            "Lots held: %s tokens usable on %s; %s; %s tokens would expire unused",
            Text.count(r.openingBalance()),
            r.asOf(),
            r.runOut() == null ? "they last the horizon" : "they run out on " + r.runOut(),
            Text.count(r.expiringUnused())));
    out.println();
    out.println("Expected projection of the lots held (no purchases):");
    out.println(
        Text.left("FROM", 10)
            + " "
            + Text.left("TO", 10)
            + " "
            + Text.right("OPENING", 10)
            + " "
            + Text.right("BURN", 9)
            + " "
            + Text.right("CONSUMED", 9)
            + " "
            + Text.right("REFUSED", 9)
            + " "
            + Text.right("BOUGHT", 8)
            + " "
            + Text.right("EXPIRED", 8)
            + " "
            + Text.right("CLOSING", 10));
    for (ProjectedMonthDto m : r.projection()) {
      out.println(
          Text.left(m.from().toString(), 10)
              + " "
              + Text.left(m.to().toString(), 10)
              + " "
              + Text.right(Text.count(m.opening()), 10)
              + " "
              + Text.right(Text.count(m.burn()), 9)
              + " "
              + Text.right(Text.count(m.consumed()), 9)
              + " "
              + Text.right(Text.count(m.refused()), 9)
              + " "
              + Text.right(Text.count(m.purchased()), 8)
              + " "
              + Text.right(Text.count(m.expired()), 8)
              + " "
              + Text.right(Text.count(m.closing()), 10));
    }
    out.println();
    out.printf("Burn per projected month, P50 and P90 (weeks drawn from the history, seed %d):%n",
        r.seed());
    out.println(
        "  " + Text.left("FROM", 10) + " " + Text.right("EXPECTED", 10) + " "
            + Text.right("P50", 10) + " " + Text.right("P90", 10));
    for (ProjectedMonthDto m : r.projection()) {
      out.println(
          "  " + Text.left(m.from().toString(), 10) + " " + Text.right(Text.count(m.burn()), 10)
              + " " + Text.right(Text.count(m.p50Burn()), 10) + " "
              + Text.right(Text.count(m.p90Burn()), 10));
    }
    out.println();
    out.printf(
        "Purchase plan (covers the P90 path within lot expiry; least cost + expected waste), %s:%n",
        r.currency());
    if (r.plan().purchases().isEmpty()) {
      out.println("  nothing to buy");
    } else {
      out.println(
          "  "
              + Text.left("BUY ON", 10)
              + " "
              + Text.left("PACKS", 30)
              + " "
              + Text.right("TOKENS", 10)
              + " "
              + Text.right("COST", 14)
              + "  EXPIRE");
      for (PlannedPurchaseDto p : r.plan().purchases()) {
        String packs =
            p.packs().stream().map(ForecastTable::pack).collect(Collectors.joining(" + "));
        out.println(
            "  "
                + Text.left(p.date().toString(), 10)
                + " "
                + Text.left(packs, 30)
                + " "
                + Text.right(Text.count(p.tokens()), 10)
                + " "
                + Text.right(Text.money(p.cost()), 14)
                + "  "
                + Text.left(p.expires().toString(), 10));
      }
    }
    for (String w :
        Text.wrap(
            String.format(
                "Total %s tokens for %s; %s left at the horizon; about %s would expire unused (%s)",
                Text.count(r.plan().tokens()),
                Text.money(r.plan().cost()),
                Text.count(r.plan().surplusAtHorizon()),
                Text.count(r.plan().expectedWaste()),
                Text.money(r.plan().expectedWasteCost())),
            Text.WIDTH,
            "  ",
            "    ")) {
      out.println(w);
    }
    for (String w : Text.wrap("Why: " + r.plan().reason(), Text.WIDTH, "  ", "    ")) {
      out.println(w);
    }
    ComparisonTable.notes(r.notes(), out);
  }

  /** The history's Enterprise Token Flex pool consumption per pool and per product line. */
  static void poolBurn(ForecastResponse r, PrintWriter out) {
    if (r.burnByPool().isEmpty()) {
      return;
    }
    out.println();
    out.println("Pool consumption (Enterprise Token Flex), per pool:");
    out.println(
        "  " + Text.left("POOL", 12) + " " + Text.right("TOKENS", 12) + " "
            + Text.right("LINES", 6));
    for (PoolBurnDto p : r.burnByPool()) {
      out.println(
          "  " + Text.left(p.pool(), 12) + " " + Text.right(Text.count(p.tokens()), 12) + " "
              + Text.right(Long.toString(p.productLines()), 6));
    }
    out.println("Per product line (catalog product, or the line's own code when unknown):");
    out.println(
        "  " + Text.left("LINE", 10) + " " + Text.left("PRODUCT", 34) + " "
            + Text.right("TOKENS", 10) + " " + Text.right("DAYS", 5) + " "
            + Text.left("CATALOG", 10));
    for (ProductLineBurnDto p : r.burnByProduct()) {
      out.println(
          "  " + Text.left(p.productLine(), 10) + " " + Text.left(p.productName(), 34) + " "
              + Text.right(Text.count(p.tokens()), 10) + " "
              + Text.right(Long.toString(p.days()), 5) + " "
              + Text.left(p.product() == null ? "-" : p.product(), 10));
    }
  }

  private static String pack(PackCountDto p) {
    return p.count() + " x " + p.size();
  }
}
