package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The subscription terms one user's named seat of an offering (a product or a bundle) is held on
 * over a period, chosen from the days they use it.
 *
 * <p><b>The active span</b> is {@code [firstUse, lastUse + 1)}: from the first to the last day
 * (in the period's zone) on which the user opens an access window of the offering's products (a
 * bundle: of any product it includes, or of the bundle itself) within the period. A window is
 * covered by a seat active on the day it opens ({@link PlanEvaluation}), so a seat held over the
 * active span covers every window of the user's that the offering covers, and a seat held on no
 * other day is needed.
 *
 * <p><b>The choice</b>, by what the terms cost when bought (a term bought is paid whole, as {@link
 * TermMix} chooses), among:
 *
 * <ol>
 *   <li>the offering's <em>common seat</em>: annual terms back to back from the period's first day
 *       until it ends, each at the price in force on its start, as {@link MixPlan} holds the seats of
 *       users active all period (today's renewal calendar, shared by the users on it);
 *   <li>the cheapest terms ({@link TermMix#cheapest}) from the period's first day to the end of
 *       the active span (a user who stops early);
 *   <li>the cheapest terms from the start of the period's month in which the user first uses it
 *       to the end of the active span (a user who starts late, or uses the offering for a few
 *       months: a named subscription can be bought monthly, annual or for three years).
 * </ol>
 *
 * <p>A plan's terms start on one calendar: the period's first day and its monthly anniversaries
 * (the months of the period). A user's first term starts on the first day of the period's month in
 * which they start using the offering, not on that very day: the plan's renewal dates stay at most
 * one a month (each is a date to manage, and users starting the same month share holdings), at the
 * cost of at most part of one monthly term over starting on the day itself; and since terms are
 * whole months, the terms of every choice end on the calendar too.
 *
 * The least bought cost wins; ties go to the earlier candidate, so a user active all year keeps the
 * common annual seat and the figures of a year of steady use do not move. The common seat is never
 * cheaper than (2), which is the cheapest of every mix of terms from the period's first day, so it
 * is chosen only on a tie, or when the winner is charged the period more than the common seat:
 * {@code attributed} is what the period is charged for the chosen terms, each term pro rata by its
 * days in the period, rounded once ({@link TermMix#attributedTo}), the rule {@link PlanEvaluation}
 * charges every plan's seat lines by, and the common seat is charged so in every plan (today's, a
 * review's target, the optimiser's common price, {@link MixPlan#seatCost}). Terms the period is
 * charged more for than the common seat are never better under that rule: over a period of a few
 * days a monthly Revit term (365.00, of which 2 of 31 days: 23.55) costs less when bought than the
 * annual seat (2985.00) but is charged more than it (2 of 365 days: 16.36), and the common seat is
 * chosen (before session 8 the monthly term was, and a review's optimum could cost more than a
 * target that kept the user's annual seat: a negative gap). So a choice is never charged the period
 * more than the common seat. The choice is not made by the period's share alone: that would take
 * an annual term bought for use in the period's last month as costing the period a month of it,
 * the rest left to a next period the use may not reach. {@code attributed} is the user's named cost
 * the optimiser weighs against Flex (a number to it, so its exactness holds).
 *
 * <p>Immutable and thread-safe; nothing is null.
 *
 * @param terms the chosen terms (for the common seat, its annual terms from the period's start)
 * @param common whether the user is on the offering's common seat
 * @param commonPrice what the common seat costs when bought (empty when the catalog does not sell
 *     an annual seat of the offering on one of its renewal dates)
 * @param commonInPeriod what the period is charged for the common seat (its terms pro rata, as
 *     {@code attributed}); empty when {@code commonPrice} is
 */
public record TermChoice(
    ProductId offering,
    LocalDate firstUse,
    LocalDate lastUse,
    TermMix terms,
    boolean common,
    Optional<Money> commonPrice,
    Optional<Money> commonInPeriod,
    Money attributed) {

  public TermChoice {
    checkNotNull(offering, "offering");
    checkNotNull(firstUse, "firstUse");
    checkNotNull(lastUse, "lastUse");
    checkNotNull(terms, "terms");
    checkNotNull(commonPrice, "commonPrice");
    checkNotNull(commonInPeriod, "commonInPeriod");
    checkNotNull(attributed, "attributed");
    checkArgument(
        commonPrice.isPresent() == commonInPeriod.isPresent(),
        "the common seat's price %s and its share of the period %s go together",
        commonPrice,
        commonInPeriod);
    checkArgument(!lastUse.isBefore(firstUse), "last use %s before first use %s", lastUse, firstUse);
    checkArgument(!terms.spans().isEmpty(), "a choice holds at least one term");
    checkArgument(
        !terms.spans().get(0).start().isAfter(firstUse)
            && terms.spans().get(terms.spans().size() - 1).end().isAfter(lastUse),
        "terms %s must cover the active span %s..%s",
        terms,
        firstUse,
        lastUse);
  }

  /**
   * The choice for a user of {@code offering} active from {@code firstUse} to {@code lastUse}
   * (inclusive days within {@code period}); empty when the catalog prices no terms of the offering
   * that cover the span.
   */
  public static Optional<TermChoice> of(
      ProductId offering,
      LocalDate firstUse,
      LocalDate lastUse,
      PlanPeriod period,
      CatalogHistory catalogs) {
    return new Chooser(period, catalogs).choose(offering, firstUse, lastUse);
  }

  /**
   * Each user's choice for every offering they could hold: every product they open a window of
   * within {@code period} (among {@code windows}, any order), and every bundle of {@code bundles}
   * (its id to the products it includes) that includes one of them. Offerings the catalog prices no
   * covering terms of are left out.
   */
  public static Map<UserId, Map<ProductId, TermChoice>> byUser(
      List<Charge> windows,
      Map<ProductId, ? extends Collection<ProductId>> bundles,
      PlanPeriod period,
      CatalogHistory catalogs) {
    checkNotNull(windows, "windows");
    return byUser(dev.seatwise.domain.metering.WindowTable.of(windows), bundles, period, catalogs);
  }

  /**
   * As {@link #byUser(List, Map, PlanPeriod, CatalogHistory)}, over a window table (its windows
   * are sorted by start, so each user and product's first and last window are found in one pass
   * over the columns, with no object per window); the list form reads its windows as a table.
   */
  public static Map<UserId, Map<ProductId, TermChoice>> byUser(
      dev.seatwise.domain.metering.WindowTable windows,
      Map<ProductId, ? extends Collection<ProductId>> bundles,
      PlanPeriod period,
      CatalogHistory catalogs) {
    return byUser(windows, NO_LAUNCHES, bundles, period, catalogs);
  }

  private static final dev.seatwise.domain.usage.SessionTable NO_LAUNCHES =
      dev.seatwise.domain.usage.SessionTable.of(List.of());

  /**
   * As {@link #byUser(WindowTable, Map, PlanPeriod, CatalogHistory)}, with the launches that opened
   * no window. A user who launches a product within {@code period} ({@code launches}: sessions,
   * any period) but opens no window of it there, because every such launch was shorter than the
   * catalog's minimum billable duration (rule F7: free under Flex), still needs a named seat to
   * launch it at all: their active span is from the first to the last day such a launch starts,
   * and their terms are chosen over it like anyone's (a monthly term for one short launch, not
   * the common annual seat that a holder with no choice gets). A user and product with a window
   * in the period keep the span of their windows: their short launches outside it cost nothing
   * under Flex and change nothing here.
   */
  public static Map<UserId, Map<ProductId, TermChoice>> byUser(
      dev.seatwise.domain.metering.WindowTable windows,
      dev.seatwise.domain.usage.SessionTable launches,
      Map<ProductId, ? extends Collection<ProductId>> bundles,
      PlanPeriod period,
      CatalogHistory catalogs) {
    checkNotNull(windows, "windows");
    checkNotNull(launches, "launches");
    checkNotNull(bundles, "bundles");
    long from = dev.seatwise.domain.metering.WindowTable.saturatedNanos(period.start());
    long to = dev.seatwise.domain.metering.WindowTable.saturatedNanos(period.end());
    int products = windows.productCount();
    // first and last window start per (user, product) index; -1 when none
    int[] first = new int[windows.userCount() * products];
    int[] last = new int[first.length];
    spans(windows, from, to, first, last);
    Map<UserId, Map<ProductId, Instant[]>> firstLast = firstLast(windows, first, last);
    // the launches' users and products as the window table's indexes (-1: none of its windows)
    List<UserId> users = launches.users();
    int[] userAt = new int[users.size()];
    for (int u = 0; u < userAt.length; u++) {
      userAt[u] = windows.indexOfUser(users.get(u));
    }
    List<ProductId> launched = launches.products();
    int[] productAt = new int[launched.size()];
    for (int p = 0; p < productAt.length; p++) {
      productAt[p] = windows.indexOfProduct(launched.get(p));
    }
    // first and last start of each user and product's launches with no window in the period,
    // keyed by the launches' own cell (such users and products are few)
    Map<Long, long[]> windowless = new HashMap<>();
    launches.forEachChunk(
        (row, n, u, p, starts, ends) -> {
          for (int i = 0; i < n; i++) {
            long start = starts[i];
            if (start < from || start >= to) {
              continue;
            }
            int wu = userAt[u[i]];
            int wp = productAt[p[i]];
            if (wu >= 0 && wp >= 0 && first[wu * products + wp] >= 0) {
              continue;
            }
            long[] span =
                windowless.computeIfAbsent(
                    (long) u[i] * launched.size() + p[i], k -> new long[] {start, start});
            span[0] = Math.min(span[0], start);
            span[1] = Math.max(span[1], start);
          }
        });
    windowless.forEach(
        (cell, span) ->
            firstLast
                .computeIfAbsent(users.get((int) (cell / launched.size())), x -> new HashMap<>())
                .put(
                    launched.get((int) (cell % launched.size())),
                    new Instant[] {
                      dev.seatwise.domain.usage.SessionTable.toInstant(span[0]),
                      dev.seatwise.domain.usage.SessionTable.toInstant(span[1])
                    }));
    return choices(firstLast, bundles, period, catalogs);
  }

  /**
   * Each user and product's first and last window starting in {@code [from, to)}: their positions
   * in {@code first} and {@code last} (indexed by user index times the product count plus product
   * index; -1 in {@code first} when none), in one pass over the sorted starts.
   */
  private static void spans(
      dev.seatwise.domain.metering.WindowTable windows, long from, long to, int[] first, int[] last) {
    int products = windows.productCount();
    java.util.Arrays.fill(first, -1);
    for (int i = windows.firstStartingAtOrAfter(from); i < windows.size(); i++) {
      if (windows.startNanos(i) >= to) {
        break;
      }
      int k = windows.userIndex(i) * products + windows.productIndex(i);
      if (first[k] < 0) {
        first[k] = i;
      }
      last[k] = i;
    }
  }

  /** The first and last window starts that {@link #spans} found, by user and product. */
  private static Map<UserId, Map<ProductId, Instant[]>> firstLast(
      dev.seatwise.domain.metering.WindowTable windows, int[] first, int[] last) {
    int products = windows.productCount();
    Map<UserId, Map<ProductId, Instant[]>> firstLast = new HashMap<>();
    for (int k = 0; k < first.length; k++) {
      if (first[k] >= 0) {
        firstLast
            .computeIfAbsent(windows.userAt(k / products), u -> new HashMap<>())
            .put(
                windows.productAt(k % products),
                new Instant[] {windows.start(first[k]), windows.start(last[k])});
      }
    }
    return firstLast;
  }

  /** The choices for each user's first and last use of each product. */
  private static Map<UserId, Map<ProductId, TermChoice>> choices(
      Map<UserId, Map<ProductId, Instant[]>> firstLast,
      Map<ProductId, ? extends Collection<ProductId>> bundles,
      PlanPeriod period,
      CatalogHistory catalogs) {
    Chooser chooser = new Chooser(period, catalogs);
    Map<UserId, Map<ProductId, TermChoice>> out = new TreeMap<>();
    for (Map.Entry<UserId, Map<ProductId, Instant[]>> e : new TreeMap<>(firstLast).entrySet()) {
      Map<ProductId, LocalDate[]> days = new TreeMap<>();
      e.getValue()
          .forEach(
              (p, fl) -> days.put(p, new LocalDate[] {period.dayOf(fl[0]), period.dayOf(fl[1])}));
      Map<ProductId, LocalDate[]> offerings = new TreeMap<>(days);
      bundles.forEach(
          (b, includes) -> {
            LocalDate[] span = null;
            for (Map.Entry<ProductId, LocalDate[]> d : days.entrySet()) {
              if (d.getKey().equals(b) || includes.contains(d.getKey())) {
                span =
                    span == null
                        ? d.getValue().clone()
                        : new LocalDate[] {
                          min(span[0], d.getValue()[0]), max(span[1], d.getValue()[1])
                        };
              }
            }
            if (span != null) {
              offerings.put(b, span);
            }
          });
      Map<ProductId, TermChoice> choices = new TreeMap<>();
      offerings.forEach(
          (o, span) -> chooser.choose(o, span[0], span[1]).ifPresent(c -> choices.put(o, c)));
      if (!choices.isEmpty()) {
        out.put(e.getKey(), java.util.Collections.unmodifiableMap(choices));
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * Why these terms, in numbers: e.g. {@code monthly x 3 from 2025-03-01 = 765.00 for use
   * 2025-03-04..2025-05-20, less than the common annual seat (2030.00)}, and the share of
   * the terms attributed to the period when some run past it.
   */
  public String reason() {
    Money bought = terms.total();
    StringBuilder s = new StringBuilder();
    s.append(terms.describe())
        .append(" = ")
        .append(bought.amount().toPlainString())
        .append(" for use ")
        .append(firstUse)
        .append("..")
        .append(lastUse);
    if (common) {
      s.append(", the common annual seat (no other terms cost less both when bought and in the period)");
    } else if (commonPrice.isPresent()) {
      s.append(", less than the common annual seat (").append(commonPrice.get().amount().toPlainString());
      if (!commonInPeriod.get().equals(commonPrice.get())) {
        s.append(", ").append(commonInPeriod.get().amount().toPlainString()).append(" of it in the period");
      }
      s.append(")");
    }
    if (!attributed.equals(bought)) {
      s.append("; ")
          .append(attributed.amount().toPlainString())
          .append(" of it in the period (pro rata)");
    }
    return s.toString();
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** Chooses with the common seat and term mixes worked out once per offering and span. */
  private static final class Chooser {
    private final PlanPeriod period;
    private final CatalogHistory catalogs;
    private final Map<ProductId, Optional<TermMix>> common = new HashMap<>();
    private final Map<List<Object>, Optional<TermMix>> mixes = new HashMap<>();
    private final Map<Key, Optional<Decision>> decisions = new HashMap<>();
    /** Per offering and day, its price per term ({@link #price}), by term ordinal. */
    private final Map<ProductId, Map<LocalDate, Optional<Money>[]>> prices = new HashMap<>();
    /** {@link #monthOf} of each first day of use asked for. */
    private final Map<LocalDate, LocalDate> months = new HashMap<>();

    /** What a decision depends on: the offering, the month of first use, the end of use. */
    private static final class Key {
      private final ProductId offering;
      private final LocalDate month;
      private final LocalDate to;

      Key(ProductId offering, LocalDate month, LocalDate to) {
        this.offering = offering;
        this.month = month;
        this.to = to;
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof Key k
            && offering.equals(k.offering) && month.equals(k.month) && to.equals(k.to);
      }

      @Override
      public int hashCode() {
        return (offering.hashCode() * 31 + month.hashCode()) * 31 + to.hashCode();
      }
    }

    /** A choice of terms, apart from whose use it is. */
    private record Decision(
        TermMix best,
        boolean common,
        Optional<Money> seatTotal,
        Optional<Money> seatAttributed,
        Money attributed) {}

    Chooser(PlanPeriod period, CatalogHistory catalogs) {
      this.period = checkNotNull(period, "period");
      this.catalogs = checkNotNull(catalogs, "catalogs");
    }

    Optional<TermChoice> choose(ProductId offering, LocalDate firstUse, LocalDate lastUse) {
      checkNotNull(offering, "offering");
      checkArgument(
          period.contains(firstUse) && period.contains(lastUse) && !lastUse.isBefore(firstUse),
          "use %s..%s must lie within the period %s..%s",
          firstUse,
          lastUse,
          period.from(),
          period.to());
      LocalDate to = lastUse.plusDays(1);
      LocalDate monthStart = months.computeIfAbsent(firstUse, this::monthOf);
      // the choice depends on the offering, the month of first use and the last day only: users
      // with the same ones share it (worked out once)
      Optional<Decision> d =
          decisions.computeIfAbsent(
              new Key(offering, monthStart, to), k -> decide(offering, monthStart, to));
      if (d.isEmpty()) {
        return Optional.empty();
      }
      Decision c = d.get();
      return Optional.of(
          new TermChoice(
              offering, firstUse, lastUse, c.best(), c.common(), c.seatTotal(), c.seatAttributed(),
              c.attributed()));
    }

    /** The cheapest of the common seat, the terms from the period's start and from {@code monthStart}. */
    private Optional<Decision> decide(ProductId offering, LocalDate monthStart, LocalDate to) {
      Optional<TermMix> seat = common.computeIfAbsent(offering, this::commonSeat);
      Optional<TermMix> fromStart = mix(offering, period.from(), to);
      Optional<TermMix> fromUse =
          monthStart.equals(period.from()) ? fromStart : mix(offering, monthStart, to);
      TermMix best = null;
      Money bestTotal = null;
      boolean isCommon = false;
      for (int k = 0; k < 3; k++) {
        Optional<TermMix> candidate = k == 0 ? seat : k == 1 ? fromStart : fromUse;
        if (candidate.isPresent()) {
          Money total = candidate.get().total();
          if (best == null || total.isLessThan(bestTotal)) {
            best = candidate.get();
            bestTotal = total;
            isCommon = k == 0;
          }
        }
      }
      if (best == null) {
        return Optional.empty();
      }
      Money attributed = best.attributedTo(period);
      Optional<Money> seatInPeriod = seat.map(m -> m.attributedTo(period));
      if (!isCommon && seatInPeriod.isPresent() && attributed.isGreaterThan(seatInPeriod.get())) {
        // terms that cost less when bought but are charged the period more than the common seat
        // (e.g. a monthly term over a few days, of which the period is charged a larger share than
        // of the annual seat): the common seat, as every plan charges it
        best = seat.get();
        attributed = seatInPeriod.get();
        isCommon = true;
      }
      return Optional.of(
          new Decision(best, isCommon, seat.map(TermMix::total), seatInPeriod, attributed));
    }

    /**
     * The start of the period's month holding {@code day}: the latest of the period's first day and
     * its monthly anniversaries on or before it.
     */
    private LocalDate monthOf(LocalDate day) {
      long k = java.time.temporal.ChronoUnit.MONTHS.between(period.from(), day);
      while (k > 0 && period.from().plusMonths(k).isAfter(day)) {
        k--;
      }
      while (!period.from().plusMonths(k + 1).isAfter(day)) {
        k++;
      }
      return period.from().plusMonths(k);
    }

    private Optional<TermMix> mix(ProductId offering, LocalDate from, LocalDate to) {
      return mixes.computeIfAbsent(
          List.of(offering, from, to),
          k -> {
            try {
              TermMix m = TermMix.cheapest(from, to, (day, term) -> price(offering, day, term));
              // months from the 29th to the 31st are clamped: terms that fall short are no cover
              return m.spans().get(m.spans().size() - 1).end().isBefore(to)
                  ? Optional.empty()
                  : Optional.of(m);
            } catch (IllegalArgumentException e) {
              return Optional.empty();
            }
          });
    }

    /**
     * The price of {@code term} of {@code offering} from {@code day} ({@link
     * SeatHolding#catalogPrice}, as {@link TermMix#cheapest} looks it up), looked up once: the
     * spans of many users start on the same few days of the period's calendar.
     */
    private Optional<Money> price(ProductId offering, LocalDate day, Term term) {
      Optional<Money>[] byTerm =
          prices
              .computeIfAbsent(offering, o -> new HashMap<>())
              .computeIfAbsent(day, d -> newTermArray());
      Optional<Money> p = byTerm[term.ordinal()];
      if (p == null) {
        p = SeatHolding.catalogPrice(catalogs, offering, term, day);
        byTerm[term.ordinal()] = p;
      }
      return p;
    }

    @SuppressWarnings("unchecked")
    private static Optional<Money>[] newTermArray() {
      return (Optional<Money>[]) new Optional<?>[Term.values().length];
    }

    /** The annual terms from the period's first day until it ends (as {@link MixPlan} holds). */
    private Optional<TermMix> commonSeat(ProductId offering) {
      List<TermSpan> spans = new ArrayList<>();
      LocalDate s = period.from();
      while (s.isBefore(period.to())) {
        Optional<Money> price = SeatHolding.catalogPrice(catalogs, offering, Term.ANNUAL, s);
        if (price.isEmpty()) {
          return Optional.empty();
        }
        spans.add(new TermSpan(Term.ANNUAL, s, price.get()));
        s = s.plusMonths(Term.ANNUAL.months());
      }
      return Optional.of(new TermMix(spans));
    }
  }
}
