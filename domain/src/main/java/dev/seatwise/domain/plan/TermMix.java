package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The cheapest back-to-back subscription terms (monthly, annual, 3-year: whichever the catalog
 * prices) that cover a user's active days {@code [from, to)} without a gap, each term priced at the
 * version in force on its own start day. Terms are chosen by what they cost when bought (a term
 * bought is paid whole), not by the share of it a period is attributed.
 *
 * <p>Exact: the span is {@code m} calendar months (the fewest with {@code from + m months >= to});
 * a dynamic programme over month offsets, {@code g(j) = min over terms t of price(from + j months,
 * t) + g(min(m, j + t))} with {@code g(m) = 0}, is an unbounded covering knapsack on {@code m + 1}
 * states. Ties go to fewer terms, then to the longer term first.
 *
 * <p>Immutable and thread-safe; nothing is null.
 */
public record TermMix(List<TermSpan> spans) {
  public TermMix {
    spans = List.copyOf(spans);
    for (int i = 1; i < spans.size(); i++) {
      checkArgument(
          spans.get(i).start().equals(spans.get(i - 1).end()), "terms must run back to back: %s", spans);
    }
  }

  /**
   * The cheapest terms of {@code offering} (a product or a bundle) covering {@code [from, to)},
   * priced from the version of {@code catalogs} in force on each term's start.
   *
   * @throws IllegalArgumentException when no term is priced on some start day needed
   */
  public static TermMix cheapest(
      ProductId offering, LocalDate from, LocalDate to, CatalogHistory catalogs) {
    checkNotNull(offering, "offering");
    checkNotNull(catalogs, "catalogs");
    return cheapest(
        from, to, (day, term) -> SeatHolding.catalogPrice(catalogs, offering, term, day));
  }

  /** The cheapest terms covering {@code [from, to)} at fixed {@code prices}. */
  public static TermMix cheapest(Prices prices, LocalDate from, LocalDate to) {
    checkNotNull(prices, "prices");
    return cheapest(from, to, (day, term) -> prices.forTerm(term));
  }

  /**
   * The cheapest terms covering {@code [from, to)} with {@code price} giving each term's price from
   * a day (empty when not sold then): for callers that look prices up once for many spans.
   */
  static TermMix cheapest(
      LocalDate from, LocalDate to, BiFunction<LocalDate, Term, Optional<Money>> price) {
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkArgument(from.isBefore(to), "span must end after it starts: %s..%s", from, to);
    int m = 1;
    while (from.plusMonths(m).isBefore(to)) {
      m++;
    }
    // g(j): the least cost of terms covering months [j, m), the first starting at month j
    Money[] best = new Money[m + 1];
    int[] count = new int[m + 1];
    Term[] via = new Term[m + 1];
    boolean[] reached = new boolean[m + 1];
    reached[m] = true;
    Term[] longestFirst = {Term.THREE_YEAR, Term.ANNUAL, Term.MONTHLY};
    for (int j = m - 1; j >= 0; j--) {
      LocalDate start = from.plusMonths(j);
      for (Term t : longestFirst) {
        int k = Math.min(m, j + t.months());
        Optional<Money> p = price.apply(start, t);
        if (p.isEmpty() || !reached[k]) {
          continue;
        }
        Money cand = k == m ? p.get() : p.get().plus(best[k]);
        int n = count[k] + 1;
        if (!reached[j] || cand.isLessThan(best[j]) || (cand.equals(best[j]) && n < count[j])) {
          reached[j] = true;
          best[j] = cand;
          count[j] = n;
          via[j] = t;
        }
      }
    }
    checkArgument(reached[0], "no terms priced to cover %s..%s", from, to);
    List<TermSpan> spans = new ArrayList<>();
    int j = 0;
    while (j < m) {
      LocalDate start = from.plusMonths(j);
      spans.add(new TermSpan(via[j], start, price.apply(start, via[j]).orElseThrow()));
      j = Math.min(m, j + via[j].months());
    }
    return new TermMix(spans);
  }

  /** What the terms cost when bought: the sum of their prices (per seat). */
  public Money total() {
    checkArgument(!spans.isEmpty(), "an empty mix has no currency");
    Money sum = Money.zero(spans.get(0).price().currency());
    for (TermSpan s : spans) {
      sum = sum.plus(s.price());
    }
    return sum;
  }

  /**
   * The terms in words, runs of one term together: e.g. {@code monthly x 3 from 2025-03-01 at
   * 255.00}, {@code annual from 2025-01-01 at 2030.00 + monthly x 2 from 2026-01-01 at 255.00}
   * (a run whose terms are priced differently lists its prices: {@code at 255.00/270.00}).
   */
  public String describe() {
    List<String> runs = new ArrayList<>();
    int i = 0;
    while (i < spans.size()) {
      TermSpan first = spans.get(i);
      int j = i;
      java.util.LinkedHashSet<String> prices = new java.util.LinkedHashSet<>();
      while (j < spans.size() && spans.get(j).term() == first.term()) {
        prices.add(spans.get(j).price().amount().toPlainString());
        j++;
      }
      runs.add(
          termName(first.term())
              + (j - i > 1 ? " x " + (j - i) : "")
              + " from "
              + first.start()
              + " at "
              + String.join("/", prices));
      i = j;
    }
    return String.join(" + ", runs);
  }

  /** A term's name as lines and JSON print it: {@code monthly}, {@code annual}, {@code three-year}. */
  public static String termName(Term term) {
    return term.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /**
   * The terms as seat holdings of {@code seats} seats, ids {@code id#1}, {@code id#2}, …, each
   * assigned {@code users} over the days the terms run (from the first term's start to the last
   * one's end), so that they take these seats and no others' on other days.
   */
  public List<SeatHolding> toHoldingsOverTerms(
      String id, ProductId offering, long seats, List<UserId> users) {
    checkArgument(!spans.isEmpty(), "an empty mix holds nothing");
    LocalDate from = spans.get(0).start();
    LocalDate to = spans.get(spans.size() - 1).end();
    List<Assignee> assignees = new ArrayList<>();
    for (UserId u : users) {
      assignees.add(new Assignee(u, from, to));
    }
    return holdings(id, offering, seats, assignees);
  }

  /** The terms as seat holdings of {@code seats} seats, ids {@code id#1}, {@code id#2}, … */
  public List<SeatHolding> toHoldings(
      String id, ProductId offering, long seats, List<UserId> users) {
    List<Assignee> assignees = new ArrayList<>();
    for (UserId u : users) {
      assignees.add(Assignee.throughout(u));
    }
    return holdings(id, offering, seats, assignees);
  }

  /** One seat holding per term, ids {@code id#1}, {@code id#2}, …, all with {@code assignees}. */
  private List<SeatHolding> holdings(
      String id, ProductId offering, long seats, List<Assignee> assignees) {
    List<SeatHolding> out = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      TermSpan s = spans.get(i);
      out.add(
          new SeatHolding(
              id + "#" + (i + 1), offering, s.term(), s.start(), s.end(), seats, s.price(), assignees));
    }
    return out;
  }

  /**
   * The terms' cost attributed to {@code period}: the sum of their lines, each term pro rata by
   * its days in the period and rounded once (as {@link PlanEvaluation} prices a seat holding).
   */
  public Money attributedTo(PlanPeriod period) {
    checkArgument(!spans.isEmpty(), "an empty mix has no currency");
    Money sum = Money.zero(spans.get(0).price().currency());
    for (TermSpan s : spans) {
      SeatHolding h =
          new SeatHolding("term", ProductId.of("term"), s.term(), s.start(), s.end(), 1, s.price(), List.of());
      Optional<Money> amount = PlanEvaluation.seatAmount(h, period);
      if (amount.isPresent()) {
        sum = sum.plus(amount.get());
      }
    }
    return sum;
  }
}
