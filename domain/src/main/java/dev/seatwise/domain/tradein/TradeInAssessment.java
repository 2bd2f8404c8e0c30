package dev.seatwise.domain.tradein;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.NetworkRetirement;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.metering.ConcurrentSeatMeter;
import dev.seatwise.domain.metering.Coverage;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.metering.SeatAdmission;
import dev.seatwise.domain.metering.WindowedMeter;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.Tokens;
import dev.seatwise.domain.tradein.TradeInOffer.Way;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UsageLog;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What each way to go with N legacy network seats of one product costs a year, from the network
 * users' use in a period of {@code days} days. Flex tokens are the period's tokens scaled to a year
 * ({@code ceil(tokens x 365 / days)}, {@link #perYear}) and bought as the cheapest pack cover.
 *
 * <ul>
 *   <li><b>keep</b>: N seats x maintenance, plus Flex for the sessions N seats would have refused
 *       ({@link SeatAdmission}: the users above the seats at the busy times); offered only while
 *       network seats can still be renewed on the as-of date ({@link NetworkRetirement}) and, when
 *       sessions would be refused, only if the product can go on Flex;
 *   <li><b>trade in</b>: 2N named seats x the given price; if more than 2N people used the
 *       product, the 2N heaviest ({@link NetworkUse#HEAVIEST_FIRST}) take the seats and the rest go
 *       on Flex (or, when the product is not on Flex, on named seats at the catalog's price);
 *       offered only while the trade-in window is open on the as-of date;
 *   <li><b>retire</b>: everyone on Flex; offered when the product is on Flex and packs are sold.
 * </ul>
 *
 * A way not offered is left out with a note saying why. Immutable and thread-safe.
 */
public final class TradeInAssessment {
  private final OptionalLong peak;
  private final List<TradeInOffer> offers;
  private final List<String> notes;

  private TradeInAssessment(OptionalLong peak, List<TradeInOffer> offers, List<String> notes) {
    this.peak = peak;
    this.offers = List.copyOf(offers);
    this.notes = List.copyOf(notes);
  }

  /**
   * Weighs the ways to go.
   *
   * @param product the product whose network seats are weighed
   * @param catalog the catalog pricing packs and the product's named seats (its currency)
   * @param retirement the network retirement dates in force on the terms' as-of date
   * @param terms the seats, prices and as-of date
   * @param users every network user of the product in the period (any order)
   * @param networkSessions the product's sessions that no held seat covers (for peak concurrency
   *     and the sessions kept seats would refuse)
   * @param days the period's length in days (>= 1)
   * @param zone the zone in which 24-hour windows are metered
   */
  public static TradeInAssessment of(
      Product product,
      Catalog catalog,
      NetworkRetirement retirement,
      TradeInTerms terms,
      List<NetworkUse> users,
      List<Session> networkSessions,
      long days,
      ZoneId zone) {
    checkNotNull(product, "product");
    checkNotNull(catalog, "catalog");
    checkNotNull(retirement, "retirement");
    checkNotNull(terms, "terms");
    checkNotNull(zone, "zone");
    checkArgument(days >= 1, "days must be >= 1 but was %s", days);
    checkArgument(
        terms.namedPricePerSeat().currency().equals(catalog.currency()),
        "prices are in %s but the catalog is in %s",
        terms.namedPricePerSeat().currency(),
        catalog.currency());
    List<NetworkUse> heaviest = new ArrayList<>(users);
    heaviest.sort(NetworkUse.HEAVIEST_FIRST);
    // a table's view is immutable already, and copying it would make every session
    List<Session> sessions =
        SessionTable.backing(networkSessions).isPresent()
            ? networkSessions
            : List.copyOf(networkSessions);
    MeterContext context = new MeterContext(catalog, Coverage.NONE, zone);
    OptionalLong peak = peak(sessions, context);
    return new Weighing(product, catalog, terms, heaviest, sessions, peak, days, context)
        .weigh(retirement);
  }

  /** Peak concurrency of the network sessions; empty without sessions. */
  public OptionalLong peak() {
    return peak;
  }

  /** The ways on offer, in the order keep, trade in, retire; possibly none. */
  public List<TradeInOffer> offers() {
    return offers;
  }

  /** Why a way is left out, and refusals at peak; in the order the ways are weighed. */
  public List<String> notes() {
    return notes;
  }

  /** The cheapest offer, the earlier on equal totals; empty when no way is on offer. */
  public Optional<TradeInOffer> cheapest() {
    TradeInOffer cheapest = null;
    for (TradeInOffer o : offers) {
      if (cheapest == null || o.annualTotal().isLessThan(cheapest.annualTotal())) {
        cheapest = o;
      }
    }
    return Optional.ofNullable(cheapest);
  }

  /** {@code ceil(tokens x 365 / days)}: a period's tokens scaled to a year, rounded up. */
  public static long perYear(long tokens, long days) {
    checkArgument(tokens >= 0, "tokens must be >= 0 but was %s", tokens);
    checkArgument(days >= 1, "days must be >= 1 but was %s", days);
    BigInteger[] qr =
        BigInteger.valueOf(tokens)
            .multiply(BigInteger.valueOf(365))
            .divideAndRemainder(BigInteger.valueOf(days));
    return qr[0].add(qr[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO).longValueExact();
  }

  private static OptionalLong peak(List<Session> sessions, MeterContext context) {
    if (sessions.isEmpty()) {
      return OptionalLong.empty();
    }
    // the network-seat meter's peak of the product (its sessions are of one product), without
    // the concurrency profile that the meter's demand carries
    List<ConcurrentSeatMeter.Peak> peaks = ConcurrentSeatMeter.peaks(UsageLog.ofSessions(sessions));
    return peaks.isEmpty() ? OptionalLong.empty() : OptionalLong.of(peaks.get(0).peak());
  }

  /** One weighing's inputs and what it has found so far. */
  private static final class Weighing {
    private final Product product;
    private final TradeInTerms terms;
    private final List<NetworkUse> heaviest;
    private final List<Session> sessions;
    private final OptionalLong peak;
    private final long days;
    private final MeterContext context;
    private final Optional<PackPricing> packs;
    private final boolean flexPossible;
    private final long rate;
    private final List<TradeInOffer> offers = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Weighing(
        Product product,
        Catalog catalog,
        TradeInTerms terms,
        List<NetworkUse> heaviest,
        List<Session> sessions,
        OptionalLong peak,
        long days,
        MeterContext context) {
      this.product = product;
      this.terms = terms;
      this.heaviest = heaviest;
      this.sessions = sessions;
      this.peak = peak;
      this.days = days;
      this.context = context;
      this.packs = catalog.packPricing();
      this.flexPossible = packs.isPresent() && product.isOnFlex();
      this.rate = product.tokenRate().orElse(0L);
    }

    TradeInAssessment weigh(NetworkRetirement retirement) {
      long n = terms.networkSeats();
      if (retirement.renewable(terms.asOf())) {
        keep()
            .ifPresentOrElse(
                offers::add,
                () ->
                    notes.add(
                        "keep is left out: " + n + " seats would refuse sessions at the busy times"
                            + " and " + product.id() + " cannot go on Flex here"));
      } else {
        notes.add(
            "keep is not offered: network subscriptions cannot be renewed since "
                + retirement.renewalsEnd().orElseThrow() + " (as of " + terms.asOf() + ")");
      }
      if (retirement.tradeInOpen(terms.asOf())) {
        tradeIn();
      } else {
        notes.add(
            "trade-in is not offered: its window "
                + retirement.tradeInFrom().map(f -> "from " + f + " ").orElse("")
                + retirement.tradeInEnds().map(e -> "until " + e).orElse("")
                + " is not open on " + terms.asOf());
      }
      retire();
      if (peak.isPresent() && peak.getAsLong() > n) {
        notes.add(
            "peak concurrency " + peak.getAsLong() + " exceeds the " + n
                + " network seats: keeping them means refusals at peak");
      }
      return new TradeInAssessment(peak, offers, notes);
    }

    /**
     * Keeping N seats: their maintenance plus Flex for the sessions they would have refused; empty
     * when some would be refused and the product cannot go on Flex. Without clock times (no peak),
     * the N seats are taken to serve everyone.
     */
    private Optional<TradeInOffer> keep() {
      long n = terms.networkSeats();
      Money seats = terms.maintenancePerSeat().multipliedBy(n);
      String head =
          "keep " + n + " network seats: " + n + " x maintenance "
              + terms.maintenancePerSeat().grouped() + " = " + seats.grouped();
      if (peak.isEmpty() || peak.getAsLong() <= n) {
        return Optional.of(
            new TradeInOffer(
                Way.KEEP,
                seats,
                head + " a year"
                    + (peak.isPresent() ? " (peak concurrency " + peak.getAsLong() + ")" : "")));
      }
      if (!flexPossible) {
        return Optional.empty();
      }
      List<Session> refused = SeatAdmission.refused(sessions, n);
      Metering flex = new WindowedMeter().meter(UsageLog.ofSessions(refused), context);
      long tokens = flex.totalTokens();
      PackPurchase buy = cover(tokens);
      Money total = seats.plus(buy.cost());
      return Optional.of(
          new TradeInOffer(
              Way.KEEP,
              total,
              head + "; peak concurrency " + peak.getAsLong() + ": " + n + " seats would refuse "
                  + refused.size() + " session(s), which go on Flex: "
                  + flex(flex.charges().size(), tokens, buy) + "; total " + total.grouped()
                  + " a year"));
    }

    private void tradeIn() {
      long n = terms.networkSeats();
      long named = terms.namedSeats();
      Money price = terms.namedPricePerSeat();
      Money seats = price.multipliedBy(named);
      long overflowWindows = 0;
      long overflowTokens = 0;
      for (int k = (int) Math.min(named, heaviest.size()); k < heaviest.size(); k++) {
        overflowWindows += heaviest.get(k).windows();
        overflowTokens += heaviest.get(k).tokens();
      }
      long users = heaviest.size();
      long overflowUsers = Math.max(0, users - named);
      String reason =
          "trade " + n + " network seats for " + named + " named at " + price.grouped() + ": "
              + named + " x " + price.grouped() + " = " + seats.grouped();
      Optional<Money> namedList = product.namedUser().map(Prices::annual);
      if (overflowUsers == 0) {
        offers.add(
            new TradeInOffer(
                Way.TRADE_IN,
                seats,
                reason + " a year; " + users + " user(s) fit in the " + named + " seats"));
      } else if (flexPossible) {
        PackPurchase buy = cover(overflowTokens);
        Money total = seats.plus(buy.cost());
        offers.add(
            new TradeInOffer(
                Way.TRADE_IN,
                total,
                reason + "; " + users + " users: the " + named + " heaviest take the seats, "
                    + overflowUsers + " go on Flex: " + flex(overflowWindows, overflowTokens, buy)
                    + "; total " + total.grouped() + " a year"));
      } else if (namedList.isPresent()) {
        Money extra = namedList.get().multipliedBy(overflowUsers);
        Money total = seats.plus(extra);
        offers.add(
            new TradeInOffer(
                Way.TRADE_IN,
                total,
                reason + "; " + users + " users: the " + named + " heaviest take the seats, "
                    + overflowUsers + " more need named seats at the catalog's "
                    + namedList.get().grouped() + " (" + product.id()
                    + " cannot go on Flex here): " + extra.grouped() + "; total "
                    + total.grouped() + " a year"));
      } else {
        notes.add(
            "trade-in is left out: " + users + " users need more than the " + named
                + " named seats and " + product.id()
                + " can neither go on Flex nor be bought named here");
      }
    }

    private void retire() {
      if (!flexPossible) {
        notes.add(
            "retire is left out: " + product.id()
                + (product.isOnFlex() ? "" : " is not on Flex")
                + (packs.isEmpty() ? " (the catalog sells no token packs)" : ""));
        return;
      }
      long windows = heaviest.stream().mapToLong(NetworkUse::windows).sum();
      long tokens = heaviest.stream().mapToLong(NetworkUse::tokens).sum();
      PackPurchase buy = cover(tokens);
      offers.add(
          new TradeInOffer(
              Way.RETIRE,
              buy.cost(),
              "retire the network seats; " + heaviest.size() + " user(s) on Flex: "
                  + flex(windows, tokens, buy)));
    }

    /** The cheapest packs covering a year of {@code tokens} used in the period. */
    private PackPurchase cover(long tokens) {
      return packs.orElseThrow().cheapestCover(Tokens.of(perYear(tokens, days)));
    }

    private String flex(long windows, long tokens, PackPurchase buy) {
      return windows + " windows x " + rate + " tokens = " + grouped(tokens) + " tokens"
          + (days == 365
              ? ""
              : " in " + days + " days, x 365/" + days + " = " + grouped(perYear(tokens, days))
                  + " a year (rounded up)")
          + ", bought as " + buy.summary();
    }

    private static String grouped(long tokens) {
      return String.format(Locale.ROOT, "%,d", tokens);
    }
  }
}
