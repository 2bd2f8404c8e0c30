package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.adapter.json.dto.GroupCostDto;
import dev.seatwise.adapter.json.dto.ScenarioDto;
import java.io.PrintWriter;
import java.math.BigDecimal;

/**
 * The chargeback of {@code compare --by team|cost-centre}: one row per group, one column per
 * scenario (in the response's order), a total row, and the rule; at most {@link Text#WIDTH}
 * columns.
 */
final class BreakdownTable {
  private static final int GROUP = 22;
  private static final int AMOUNT = 13;

  private BreakdownTable() {}

  static void print(ComparisonResponse r, PrintWriter out) {
    if (r.breakdown() == null) {
      return;
    }
    out.println();
    out.printf("Chargeback by %s (%s):%n", r.breakdownBy(), r.currency());
    StringBuilder head = new StringBuilder(Text.left(r.breakdownBy().toUpperCase(java.util.Locale.ROOT), GROUP));
    for (ScenarioDto s : r.scenarios()) {
      head.append(' ').append(Text.right(s.name(), AMOUNT));
    }
    out.println(head);
    for (GroupCostDto g : r.breakdown()) {
      StringBuilder row = new StringBuilder(Text.left(g.group(), GROUP));
      for (ScenarioDto s : r.scenarios()) {
        BigDecimal amount = g.totals().getOrDefault(s.name(), BigDecimal.ZERO);
        row.append(' ').append(Text.right(Text.money(amount), AMOUNT));
      }
      out.println(row);
    }
    StringBuilder total = new StringBuilder(Text.left("total", GROUP));
    for (ScenarioDto s : r.scenarios()) {
      total.append(' ').append(Text.right(Text.money(s.total()), AMOUNT));
    }
    out.println(total);
    for (String w : Text.wrap("Rule: " + r.breakdownRule() + ".", Text.WIDTH, "", "  ")) {
      out.println(w);
    }
  }
}
