package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A mix of named seats and Flex (e.g. an optimiser's result: who holds which offering, who is on
 * Flex for which product) as a {@link Plan} over a period, so that it is priced like every other
 * plan, by {@link PlanEvaluation}.
 *
 * <ul>
 *   <li>Each offering held (a product or a bundle) is one seat holding per annual term, back to back
 *       from the period's first day until it ends ({@link SeatHolding#renewals}), each term at the
 *       price in force on its own start; its seats are as many as its holders, all assigned for the
 *       whole period. Holding ids are the offering's id ({@code ACD}, {@code ACD#2} for the second
 *       term). A holder whose {@link TermChoice} is other terms (e.g. three monthly terms for three
 *       months of use) holds those instead, a seat of their own per term ({@code ACD~1#1}, ...).
 *   <li>The Flex part is the token lots of a purchase schedule ({@link TokenPurchaseSchedule#lots},
 *       ids {@code flex-DATE-SIZE}), normally the cheapest schedule for {@link #flexWindows} (see
 *       {@link #schedule}, which reads them by column through {@link FlexDemand}).
 * </ul>
 *
 * <p>The optimiser's {@code OptimizationResult.Solved} gives both maps ({@code seatsByOffering()},
 * {@code onFlex()}) and builds its plan with {@code Solved.plan(...)}, which calls this class: the
 * {@code plan} package does not depend on {@code optimize} (that package already prices with {@link
 * Proration}), so the two stay free of cycles. Stateless and thread-safe.
 */
public final class MixPlan {
  /** The id prefix of the Flex lots. */
  public static final String LOTS = "flex";

  private MixPlan() {}

  /**
   * The plan of {@code seats} (holders per offering; offerings with no holder are left out) and
   * the lots of {@code schedule}, over {@code period}, priced from {@code catalogs}.
   *
   * @throws IllegalArgumentException when the catalog version in force on a term's start sells no
   *     annual named-user seat of an offering held
   */
  public static Plan of(
      Map<ProductId, ? extends Collection<UserId>> seats,
      PlanPeriod period,
      CatalogHistory catalogs,
      TokenPurchaseSchedule schedule) {
    return of(seats, Map.of(), period, catalogs, schedule);
  }

  /**
   * The plan of {@code seats} (holders per offering; offerings with no holder are left out) and
   * the lots of {@code schedule}, over {@code period}, priced from {@code catalogs}, where a holder
   * whose {@code terms} for the offering ({@link TermChoice#byUser}) are not the common seat holds
   * their chosen terms instead, one seat per term (ids {@code ACD~1#1}, {@code ACD~1#2} for the
   * terms of the first such holder in user order), assigned to them over the days the terms run: a
   * seat of their own, so that each term's line is rounded once for one seat and the user costs
   * exactly what {@link TermChoice#attributed} told the optimiser. Holders without a choice, or on the common
   * seat, hold the offering's annual terms from the period's first day as {@link #of(Map,
   * PlanPeriod, CatalogHistory, TokenPurchaseSchedule)} does.
   *
   * @throws IllegalArgumentException when the catalog version in force on a common term's start
   *     sells no annual named-user seat of an offering held on it
   */
  public static Plan of(
      Map<ProductId, ? extends Collection<UserId>> seats,
      Map<UserId, ? extends Map<ProductId, TermChoice>> terms,
      PlanPeriod period,
      CatalogHistory catalogs,
      TokenPurchaseSchedule schedule) {
    checkNotNull(seats, "seats");
    checkNotNull(terms, "terms");
    checkNotNull(period, "period");
    checkNotNull(catalogs, "catalogs");
    checkNotNull(schedule, "schedule");
    List<SeatHolding> holdings = new ArrayList<>();
    for (Map.Entry<ProductId, ? extends Collection<UserId>> e : new TreeMap<>(seats).entrySet()) {
      ProductId offering = e.getKey();
      Set<UserId> holders = new TreeSet<>(e.getValue());
      if (holders.isEmpty()) {
        continue;
      }
      List<Assignee> assignees = new ArrayList<>();
      Map<UserId, TermMix> own = new TreeMap<>();
      for (UserId u : holders) {
        Map<ProductId, TermChoice> mine = terms.get(u);
        TermChoice choice = mine == null ? null : mine.get(offering);
        if (choice == null || choice.common()) {
          assignees.add(Assignee.throughout(u));
        } else {
          own.put(u, choice.terms());
        }
      }
      if (!assignees.isEmpty()) {
        holdings.addAll(
            SeatHolding.renewals(
                offering.value(),
                offering,
                Term.ANNUAL,
                period.from(),
                period.to(),
                assignees.size(),
                assignees,
                catalogs));
      }
      int k = 0;
      for (Map.Entry<UserId, TermMix> o : own.entrySet()) {
        k++;
        holdings.addAll(
            o.getValue().toHoldingsOverTerms(offering.value() + "~" + k, offering, 1, List.of(o.getKey())));
      }
    }
    return new Plan(
        catalogs.versions().get(0).currency(), holdings, List.of(), schedule.lots(LOTS));
  }

  /**
   * The Flex windows of a mix: the windows among {@code windows} that open within {@code period}
   * and whose user is on Flex for their product ({@code onFlex}), each with the tokens {@link
   * PlanEvaluation} charges it (the product's rate in force when it opens; a collection checkout's
   * own tokens), in the order given. Each charge's reference is {@code "user product"}.
   */
  public static List<TokenCharge> flexWindows(
      Map<UserId, ? extends Collection<ProductId>> onFlex,
      List<Charge> windows,
      PlanPeriod period,
      CatalogHistory catalogs) {
    checkNotNull(onFlex, "onFlex");
    checkNotNull(windows, "windows");
    List<TokenCharge> out = new ArrayList<>();
    // the version in force is looked up once per day; a product's rate once per version (a
    // collection's depends on the window); each (user, product) reference is built once
    DaySpan span = null;
    LocalDate day = null;
    Catalog version = null;
    Map<ProductId, OptionalLong> fixedRates = new HashMap<>();
    Set<ProductId> ownTokens = new java.util.HashSet<>();
    Map<UserId, Map<ProductId, String>> references = new HashMap<>();
    for (Charge c : windows) {
      Collection<ProductId> flex = onFlex.get(c.user());
      if (flex == null || !flex.contains(c.product()) || !period.contains(c.start())) {
        continue;
      }
      span = DaySpan.at(span, period, c.start());
      LocalDate d = span.day();
      if (!d.equals(day)) {
        day = d;
        Catalog v = SeatHolding.versionOn(catalogs, day);
        if (v != version) {
          version = v;
          fixedRates.clear();
          ownTokens.clear();
        }
      }
      OptionalLong rate =
          ownTokens.contains(c.product())
              ? OptionalLong.of(c.tokens())
              : fixedRates.get(c.product());
      if (rate == null) {
        rate = PlanEvaluation.rate(version, c);
        if (version.product(c.product()).isEmpty() && rate.isPresent()) {
          ownTokens.add(c.product()); // a collection on Flex: the window's own tokens
        } else {
          fixedRates.put(c.product(), rate); // a product's rate (or none) whatever the window
        }
      }
      if (rate.isPresent() && rate.getAsLong() > 0) {
        String reference =
            references
                .computeIfAbsent(c.user(), u -> new HashMap<>())
                .computeIfAbsent(c.product(), p -> c.user() + " " + p);
        out.add(new TokenCharge(c.start(), rate.getAsLong(), reference));
      }
    }
    return out;
  }

  /**
   * The cheapest purchase schedule ({@link TokenPurchaseSchedule#cheapest}) for the mix's {@link
   * #flexWindows}, in the period's zone: {@link #schedule(Map, FlexDemand)} of the windows' {@link
   * FlexDemand}.
   *
   * @throws IllegalArgumentException as {@link TokenPurchaseSchedule#cheapest} does
   */
  public static TokenPurchaseSchedule schedule(
      Map<UserId, ? extends Collection<ProductId>> onFlex,
      List<Charge> windows,
      PlanPeriod period,
      CatalogHistory catalogs) {
    checkNotNull(onFlex, "onFlex");
    return schedule(onFlex, FlexDemand.of(windows, period, catalogs));
  }

  /**
   * The cheapest purchase schedule for the Flex windows of the mix {@code onFlex} among those of
   * {@code demand}: by column, the same schedule as {@link TokenPurchaseSchedule#cheapest} of
   * {@link #flexWindows} (the schedule reads only the tokens per day, which {@link
   * FlexDemand#dayTokens} sums without a window object).
   *
   * @throws IllegalArgumentException as {@link TokenPurchaseSchedule#cheapest} does
   */
  public static TokenPurchaseSchedule schedule(
      Map<UserId, ? extends Collection<ProductId>> onFlex, FlexDemand demand) {
    checkNotNull(demand, "demand");
    return demand.schedule(demand.dayTokens(onFlex));
  }

  /**
   * The cost of one seat of {@code offering} held throughout {@code period} as {@link #of} holds
   * it: its annual terms' prices, each attributed to the period pro rata ({@link PlanEvaluation}'s
   * seat lines), summed.
   *
   * @throws IllegalArgumentException as {@link #of} does
   */
  public static Money seatCost(ProductId offering, PlanPeriod period, CatalogHistory catalogs) {
    Money sum = Money.zero(catalogs.versions().get(0).currency());
    for (SeatHolding h :
        SeatHolding.renewals(
            offering.value(),
            offering,
            Term.ANNUAL,
            period.from(),
            period.to(),
            1,
            List.of(),
            catalogs)) {
      checkArgument(h.seats() == 1);
      sum = sum.plus(PlanEvaluation.seatAmount(h, period).orElse(Money.zero(sum.currency())));
    }
    return sum;
  }
}
