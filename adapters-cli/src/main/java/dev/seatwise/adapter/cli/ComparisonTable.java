package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.dto.AssignmentDto;
import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.adapter.json.dto.PurchaseDto;
import dev.seatwise.adapter.json.dto.UnassignedSeatsDto;
import dev.seatwise.adapter.json.dto.UncoveredDto;
import dev.seatwise.adapter.json.dto.ScenarioDto;
import dev.seatwise.adapter.json.dto.UserDto;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code compare} answer for people, at most {@link Text#WIDTH} columns: scenario totals first
 * (optimal, then the others from cheapest), what the optimal plan buys, the savings, then the users
 * ordered by savings, then notes.
 */
final class ComparisonTable {
  private static final int USER = 30;
  private static final int PLAN = 26;
  private static final int AMOUNT = 12;

  private ComparisonTable() {}

  static void print(ComparisonResponse r, int top, boolean verbose, PrintWriter out) {
    Text.sentence(
        out,
        String.format(
            "seatwise compare: %s catalog, %s, %s to %s (%s, [from, to) in %s)",
            r.catalog(),
            r.currency(),
            r.period().from(),
            r.period().to(),
            Text.days(r.period().days()),
            r.period().zone()));
    if (r.usageData() != null) {
      Text.sentence(
          out,
          String.format(
              "As of %s; usage data from %s to %s: %d of the period's %d days",
              r.asOf(),
              r.usageData().from(),
              r.usageData().to().minusDays(1),
              r.usageData().daysInPeriod(),
              r.period().days()));
    }
    ImportSummary.print(r.importReport(), out);
    out.println();
    scenarios(r, out);
    current(r, out);
    if (verbose) {
      lines(r, out);
    }
    users(r, top, out);
    notes(r.notes(), out);
  }

  private static void scenarios(ComparisonResponse r, PrintWriter out) {
    if (r.scenarios().isEmpty()) {
      out.println("No scenario could be priced; see the notes below.");
      out.println();
      return;
    }
    Optional<ScenarioDto> optimal = scenario(r, "optimal");
    List<ScenarioDto> ordered = new ArrayList<>(r.scenarios());
    ordered.sort(
        Comparator.comparing((ScenarioDto s) -> !s.name().equals("optimal"))
            .thenComparing(ScenarioDto::total));
    out.println(
        Text.left("SCENARIO", 10)
            + " "
            + Text.right("TOTAL (" + r.currency() + ")", 15)
            + " "
            + Text.right("FLEX TOKENS", 12)
            + " "
            + Text.right("VS OPTIMAL", 14)
            + "  WHAT IT IS");
    for (ScenarioDto s : ordered) {
      String vs =
          optimal.isEmpty() || s.name().equals("optimal")
              ? "-"
              : Text.signedMoney(s.total().subtract(optimal.get().total()));
      out.println(
          Text.left(s.name(), 10)
              + " "
              + Text.right(Text.money(s.total()), 15)
              + " "
              + Text.right(s.tokens() == null ? "-" : Text.count(s.tokens()), 12)
              + " "
              + Text.right(vs, 14)
              + "  "
              + Text.fit(meaning(s), 43));
    }
    scenario(r, "network")
        .ifPresent(
            n -> {
              for (String w :
                  Text.wrap(
                      "Network seats (peak concurrency unless given): " + seats(n.seats()),
                      Text.WIDTH,
                      "",
                      "  ")) {
                out.println(w);
              }
            });
    out.println();
    optimal.ifPresent(
        o -> {
          out.println("What the optimal plan buys:");
          for (String line : o.lines()) {
            for (String w : Text.wrap(line, Text.WIDTH, "  ", "    ")) {
              out.println(w);
            }
          }
          purchases(o, out);
          savings(r, o, out);
          out.println();
        });
  }

  /** The token purchase schedule of a scenario, one line per purchase day. */
  private static void purchases(ScenarioDto s, PrintWriter out) {
    for (PurchaseDto p : s.purchases()) {
      String packs =
          p.packs().stream()
              .map(k -> k.count() + " x " + k.size())
              .collect(Collectors.joining(" + "));
      for (String w :
          Text.wrap(
              String.format(
                  "buy on %s: %s = %s tokens, %s", p.date(), packs, Text.count(p.tokens()), Text.money(p.cost())),
              Text.WIDTH,
              "  ",
              "    ")) {
        out.println(w);
      }
    }
  }

  /** What today's plan leaves uncovered and the seats nobody is assigned, in two lines. */
  private static void current(ComparisonResponse r, PrintWriter out) {
    Optional<ScenarioDto> current = scenario(r, "current");
    if (current.isEmpty() || current.get().uncovered() == null) {
      return;
    }
    ScenarioDto c = current.get();
    long windows = c.uncovered().stream().mapToLong(UncoveredDto::windows).sum();
    long tokens = c.uncovered().stream().mapToLong(UncoveredDto::tokens).sum();
    long users = c.uncovered().stream().map(UncoveredDto::user).distinct().count();
    long idle = c.unassignedSeats().stream().mapToLong(UnassignedSeatsDto::unassigned).sum();
    String uncovered =
        windows == 0
            ? "covers every window by a seat or a lot"
            : String.format(
                "leaves %s %s of %d %s uncovered (%s tokens)",
                Text.count(windows), windows == 1 ? "window" : "windows", users,
                users == 1 ? "user" : "users", Text.count(tokens));
    Text.sentence(
        out,
        String.format(
            "Today's plan %s; %s %s nobody (see the notes).",
            uncovered, Text.count(idle), idle == 1 ? "seat covers" : "seats cover"));
    out.println();
  }

  /** How every scenario's total is made (with {@code --verbose}). */
  private static void lines(ComparisonResponse r, PrintWriter out) {
    for (ScenarioDto s : r.scenarios()) {
      if (s.name().equals("optimal")) {
        continue;
      }
      out.println("How " + s.name() + " is made:");
      for (String line : s.lines()) {
        for (String w : Text.wrap(line, Text.WIDTH, "  ", "    ")) {
          out.println(w);
        }
      }
      out.println();
    }
  }

  private static void savings(ComparisonResponse r, ScenarioDto optimal, PrintWriter out) {
    List<String> parts = new ArrayList<>();
    for (String name : List.of("current", "all-named", "all-flex")) {
      scenario(r, name)
          .ifPresent(
              s -> {
                BigDecimal saved = s.total().subtract(optimal.total());
                parts.add(
                    "vs "
                        + name
                        + " "
                        + Text.money(saved)
                        + " ("
                        + Text.percent(saved, s.total())
                        + ")");
              });
    }
    if (!parts.isEmpty()) {
      for (String w : Text.wrap("Savings " + String.join(", ", parts), Text.WIDTH, "", "  ")) {
        out.println(w);
      }
    }
  }

  private static String meaning(ScenarioDto s) {
    switch (s.name()) {
      case "optimal":
        return "cheapest mix of collections, named and Flex";
      case "all-named":
        return "a named subscription for everything used";
      case "all-flex":
        return "every access window paid in Flex tokens";
      case "current":
        return "today's subscriptions + uncovered usage";
      case "network":
        return "legacy network seats (no longer sold)";
      default:
        return "";
    }
  }

  private static String seats(Map<String, Long> seats) {
    return seats.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static void users(ComparisonResponse r, int top, PrintWriter out) {
    int n = r.users().size();
    int shown = top <= 0 ? n : Math.min(top, n);
    out.printf("Users by savings (%d of %d%s)%n", shown, n, shown < n ? "; --top 0 shows all" : "");
    out.println(
        Text.left("USER", USER)
            + " "
            + Text.left("OPTIMAL PLAN", PLAN)
            + " "
            + Text.right("COST", AMOUNT)
            + " "
            + Text.right("ALL-NAMED", AMOUNT)
            + " "
            + Text.right("SAVINGS", AMOUNT));
    for (UserDto u : r.users().subList(0, shown)) {
      out.println(
          Text.left(u.user(), USER)
              + " "
              + Text.left(plan(u.assignment()), PLAN)
              + " "
              + Text.right(Text.money(u.cost()), AMOUNT)
              + " "
              + Text.right(Text.money(u.allNamedCost()), AMOUNT)
              + " "
              + Text.right(Text.money(u.savings()), AMOUNT));
    }
    if (n > 0) {
      out.println("Why a user got their plan: seatwise explain USER (with the same options).");
    }
  }

  /** The assignment in a few words: {@code AECCOL + named INV + Flex ACD}. */
  static String plan(AssignmentDto a) {
    List<String> parts = new ArrayList<>();
    if (!a.bundles().isEmpty()) {
      parts.add(String.join(", ", a.bundles()));
    }
    if (!a.named().isEmpty()) {
      parts.add("named " + String.join(", ", a.named()));
    }
    if (!a.flex().isEmpty()) {
      parts.add("Flex " + String.join(", ", a.flex()));
    }
    return parts.isEmpty() ? "-" : String.join(" + ", parts);
  }

  static void notes(List<String> notes, PrintWriter out) {
    if (notes.isEmpty()) {
      return;
    }
    out.println();
    out.println("Notes:");
    for (String note : notes) {
      for (String w : Text.wrap(note, Text.WIDTH, "  - ", "    ")) {
        out.println(w);
      }
    }
  }

  private static Optional<ScenarioDto> scenario(ComparisonResponse r, String name) {
    return r.scenarios().stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
