package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.PackPurchase;
import dev.seatwise.domain.tokens.TokenCharge;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.tokens.Tokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The exact cheapest token purchase schedule: which packs to buy on which days so that every Flex
 * window is paid from a lot unexpired when it opens, at the least total cost. Lots expire {@code
 * validity} after purchase (the catalog's {@code tokenExpiry}); a pack costs the price of the
 * catalog version in force on its purchase day. Purchases happen at the start of a day in the
 * schedule's zone, so a lot bought on day {@code p} pays every window opening on a day {@code d}
 * with {@code p <= d < p + validity}.
 *
 * <p><b>Algorithm</b> (the optimality argument is in docs/adr/0005-token-purchase-schedule.md).
 * Windows are summed per day and laid end to end as a line of tokens in time order. In burn order
 * (earliest expiry first) each pack of a feasible schedule pays a contiguous stretch of that line,
 * and may be bought, without changing its price, on the first day of its stretch or on the last
 * day of an earlier price version. A dynamic programme over token positions, {@code f(z)} = least
 * cost of paying the first {@code z} tokens, takes one pack per step; {@code f} is nondecreasing,
 * so for each family (version, pack, purchase rule) the best predecessor of {@code z} is the first
 * position whose pack still reaches {@code z}, found by a pointer that only moves forward: the
 * programme runs in time linear in the tokens times the families. With packs of at least {@link
 * #JUMP_FROM_PACK} tokens it visits only the positions where a family's candidate changes (its
 * pointer leaves a run of equal {@code f}), with the same optimum and purchases. The tokens are
 * taken per day ({@link #cheapest(LocalDate, long[], CatalogHistory, ZoneId)}, as a mix's {@link
 * FlexDemand} gives them) or as windows summed per day. Costs are exact scaled integers.
 * When one purchase on the first day pays everything (no window a validity or more after the first)
 * and costs no more than the programme's optimum, the schedule is that single purchase: for a
 * period within one validity and one price version, exactly today's {@link
 * PackPricing#cheapestCover}, which is then taken without running the programme (so without the
 * {@link #MAX_TOKENS} bound: every schedule buys a multiset of the same packs holding all the
 * tokens, and the cheapest one bought on the first day pays every window).
 *
 * <p>Immutable and thread-safe; nothing is null.
 */
public final class TokenPurchaseSchedule {
  /** Most tokens one schedule prices exactly (the programme keeps three arrays of this length). */
  public static final long MAX_TOKENS = 1L << 22;

  private final List<ScheduledPurchase> purchases;
  private final Currency currency;
  private final Period validity;
  private final ZoneId zone;

  private TokenPurchaseSchedule(
      List<ScheduledPurchase> purchases, Currency currency, Period validity, ZoneId zone) {
    this.purchases = List.copyOf(purchases);
    this.currency = currency;
    this.validity = validity;
    this.zone = zone;
  }

  /**
   * The cheapest schedule for {@code windows} (the Flex windows to pay: when each opens and its
   * tokens), with validity from the catalogs' {@code tokenExpiry} (which must agree across the
   * versions) and purchases on any day.
   *
   * @throws IllegalArgumentException when the versions' token validities differ, when a window
   *     cannot be paid (no version sells packs then), or beyond {@link #MAX_TOKENS}
   */
  public static TokenPurchaseSchedule cheapest(
      List<TokenCharge> windows, CatalogHistory catalogs, ZoneId zone) {
    checkNotNull(catalogs, "catalogs");
    Period validity = validityOf(catalogs);
    return cheapest(windows, catalogs, zone, validity, LocalDate.MIN);
  }

  /**
   * The cheapest schedule for {@code windows} with lots valid for {@code validity} and no purchase
   * before {@code earliest}.
   *
   * @throws IllegalArgumentException when a window opens before {@code earliest}, when a window
   *     cannot be paid (no version sells packs then), or beyond {@link #MAX_TOKENS}
   */
  public static TokenPurchaseSchedule cheapest(
      List<TokenCharge> windows,
      CatalogHistory catalogs,
      ZoneId zone,
      Period validity,
      LocalDate earliest) {
    checkNotNull(windows, "windows");
    checkNotNull(zone, "zone");
    PerDay d = PerDay.of(windows, zone);
    return solve(d.days(), d.tokens(), catalogs, zone, validity, earliest);
  }

  /** Windows' tokens summed per day in a zone: the days with tokens, increasing, and their sums. */
  private record PerDay(LocalDate[] days, long[] tokens) {
    static PerDay of(List<TokenCharge> windows, ZoneId zone) {
      TreeMap<LocalDate, Long> perDay = new TreeMap<>();
      for (TokenCharge w : windows) {
        if (w.tokens() > 0) {
          perDay.merge(LocalDate.ofInstant(w.at(), zone), w.tokens(), Math::addExact);
        }
      }
      LocalDate[] days = perDay.keySet().toArray(new LocalDate[0]);
      long[] tokens = new long[days.length];
      int i = 0;
      for (long t : perDay.values()) {
        tokens[i++] = t;
      }
      return new PerDay(days, tokens);
    }
  }

  /**
   * The cheapest schedule for the tokens drawn per day: {@code tokensByDay[i]} on day {@code first
   * + i} (the windows summed per day in the zone, which is all the programme reads of them; days
   * with none may be 0), with validity from the catalogs' {@code tokenExpiry} (which must agree
   * across the versions) and purchases on any day. The same schedule as {@link #cheapest(List,
   * CatalogHistory, ZoneId)} of windows that sum to these days.
   *
   * @throws IllegalArgumentException when a day's tokens are negative, the versions' token
   *     validities differ, a day's tokens cannot be paid (no version sells packs then), or beyond
   *     {@link #MAX_TOKENS}
   */
  public static TokenPurchaseSchedule cheapest(
      LocalDate first, long[] tokensByDay, CatalogHistory catalogs, ZoneId zone) {
    checkNotNull(catalogs, "catalogs");
    return cheapest(first, tokensByDay, catalogs, zone, validityOf(catalogs), LocalDate.MIN);
  }

  /**
   * The cheapest schedule for the tokens drawn per day ({@code tokensByDay[i]} on day {@code first
   * + i}) with lots valid for {@code validity} and no purchase before {@code earliest}.
   *
   * @throws IllegalArgumentException when a day's tokens are negative, tokens are drawn before
   *     {@code earliest}, a day's tokens cannot be paid (no version sells packs then), or beyond
   *     {@link #MAX_TOKENS}
   */
  public static TokenPurchaseSchedule cheapest(
      LocalDate first,
      long[] tokensByDay,
      CatalogHistory catalogs,
      ZoneId zone,
      Period validity,
      LocalDate earliest) {
    checkNotNull(first, "first");
    checkNotNull(tokensByDay, "tokensByDay");
    int n = 0;
    for (long t : tokensByDay) {
      checkArgument(t >= 0, "tokens of a day must be >= 0 but were %s", t);
      n += t > 0 ? 1 : 0;
    }
    LocalDate[] days = new LocalDate[n];
    long[] tokens = new long[n];
    int k = 0;
    for (int i = 0; i < tokensByDay.length; i++) {
      if (tokensByDay[i] > 0) {
        days[k] = first.plusDays(i);
        tokens[k++] = tokensByDay[i];
      }
    }
    return solve(days, tokens, catalogs, zone, validity, earliest);
  }

  private static Period validityOf(CatalogHistory catalogs) {
    Period validity = catalogs.versions().get(0).tokenExpiry();
    for (Catalog c : catalogs.versions()) {
      checkArgument(
          c.tokenExpiry().equals(validity),
          "token validity changes between catalog versions (%s, %s): pass the validity",
          validity,
          c.tokenExpiry());
    }
    return validity;
  }

  /**
   * How the programme is run: over every token position, or jumping between the positions where a
   * family's best candidate changes (the same optimum and the same purchases, ADR 0005 step 4);
   * {@code AUTO} jumps when every pack holds at least {@link #JUMP_FROM_PACK} tokens.
   */
  enum Method {
    TOKENS,
    JUMPS,
    AUTO
  }

  /** The smallest pack size from which {@link Method#AUTO} jumps. */
  static final long JUMP_FROM_PACK = 64;

  /** {@link #cheapest(List, CatalogHistory, ZoneId)} by {@code method} (for tests). */
  static TokenPurchaseSchedule cheapest(
      List<TokenCharge> windows, CatalogHistory catalogs, ZoneId zone, Method method) {
    PerDay d = PerDay.of(windows, zone);
    return solve(d.days(), d.tokens(), catalogs, zone, validityOf(catalogs), LocalDate.MIN, method);
  }

  private static TokenPurchaseSchedule solve(
      LocalDate[] days,
      long[] tokens,
      CatalogHistory catalogs,
      ZoneId zone,
      Period validity,
      LocalDate earliest) {
    return solve(days, tokens, catalogs, zone, validity, earliest, Method.AUTO);
  }

  /** The schedule of {@code tokens[i] > 0} drawn on {@code days[i]}, the days increasing. */
  private static TokenPurchaseSchedule solve(
      LocalDate[] days,
      long[] tokens,
      CatalogHistory catalogs,
      ZoneId zone,
      Period validity,
      LocalDate earliest,
      Method method) {
    checkNotNull(catalogs, "catalogs");
    checkNotNull(zone, "zone");
    checkNotNull(validity, "validity");
    checkNotNull(earliest, "earliest");
    checkArgument(
        !validity.isNegative() && !validity.isZero(), "validity must be > 0: %s", validity);
    Currency currency = catalogs.versions().get(0).currency();
    if (days.length == 0) {
      return new TokenPurchaseSchedule(List.of(), currency, validity, zone);
    }
    LocalDate first = days[0];
    LocalDate last = days[days.length - 1];
    checkArgument(
        !first.isBefore(earliest),
        "a window opens on %s, before the earliest purchase day %s",
        first,
        earliest);
    Catalog atFirst = versionOn(catalogs, first);
    boolean oneLot = first.plus(validity).isAfter(last);
    if (method == Method.AUTO
        && oneLot
        && catalogs.versions().size() == 1
        && atFirst.packPricing().isPresent()) {
      // one price version and every window within one validity of the first: any schedule buys a
      // multiset of the same packs holding at least all the tokens, and the cheapest such multiset
      // bought on the first day pays every window before it expires. The programme would find the
      // same purchase (below, a single purchase wins ties), with no bound on the tokens.
      long total = 0;
      for (long t : tokens) {
        total = Math.addExact(total, t);
      }
      PackPurchase single = atFirst.packPricing().get().cheapestCover(Tokens.of(total));
      return new TokenPurchaseSchedule(
          List.of(new ScheduledPurchase(first, first.plus(validity), single)), currency, validity, zone);
    }
    Programme p = new Programme(days, tokens, catalogs, validity, earliest);
    List<ScheduledPurchase> best = p.solve(method);
    // a single purchase on the first day, when it pays everything at no greater cost
    if (oneLot && atFirst.packPricing().isPresent()) {
      PackPurchase single = atFirst.packPricing().get().cheapestCover(Tokens.of(p.total));
      BigDecimal dp = BigDecimal.ZERO;
      for (ScheduledPurchase s : best) {
        dp = dp.add(s.packs().exactCost());
      }
      if (single.exactCost().compareTo(dp) <= 0) {
        best = List.of(new ScheduledPurchase(first, first.plus(validity), single));
      }
    }
    return new TokenPurchaseSchedule(best, currency, validity, zone);
  }

  static Catalog versionOn(CatalogHistory history, LocalDate day) {
    return history.versionOn(day).orElse(history.versions().get(0));
  }

  /** The purchases, by day. */
  public List<ScheduledPurchase> purchases() {
    return purchases;
  }

  /** The sum of the purchases' costs (each rounded once). */
  public Money total() {
    Money sum = Money.zero(currency);
    for (ScheduledPurchase s : purchases) {
      sum = sum.plus(s.cost());
    }
    return sum;
  }

  /** The exact, unrounded cost of every pack bought. */
  public BigDecimal exactTotal() {
    BigDecimal sum = BigDecimal.ZERO;
    for (ScheduledPurchase s : purchases) {
      sum = sum.add(s.packs().exactCost());
    }
    return sum;
  }

  /** Tokens bought. */
  public long tokensBought() {
    long sum = 0;
    for (ScheduledPurchase s : purchases) {
      sum = Math.addExact(sum, s.tokens());
    }
    return sum;
  }

  public Period validity() {
    return validity;
  }

  /**
   * The purchases as token lots, one per pack size per purchase, bought at the start of the day in
   * the zone and expiring {@code validity} later; ids are {@code prefix-date-size}.
   */
  public List<TokenLot> lots(String prefix) {
    List<TokenLot> out = new ArrayList<>();
    for (ScheduledPurchase s : purchases) {
      for (Map.Entry<TokenPack, Long> e : s.packs().counts().entrySet()) {
        TokenPack pack = e.getKey();
        out.add(
            TokenLot.bought(
                prefix + "-" + s.date() + "-" + pack.size(),
                s.date().atStartOfDay(zone).toInstant(),
                Math.multiplyExact(pack.size(), e.getValue()),
                pack.unitPrice(),
                validity,
                zone));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return purchases.toString();
  }

  /** The dynamic programme over token positions. */
  private static final class Programme {
    private final LocalDate[] days;
    private final long[] cum;
    private final long total;
    private final List<Family> families = new ArrayList<>();
    private final int scale;
    private final CatalogHistory catalogs;
    private final Period validity;

    Programme(
        LocalDate[] days, long[] tokens, CatalogHistory catalogs, Period validity, LocalDate earliest) {
      this.catalogs = catalogs;
      this.validity = validity;
      int n = days.length;
      this.days = days;
      cum = new long[n + 1];
      for (int i = 0; i < n; i++) {
        cum[i + 1] = Math.addExact(cum[i], tokens[i]);
      }
      total = cum[n];
      checkArgument(
          total <= MAX_TOKENS,
          "%s tokens are more than an exact schedule prices (%s)",
          total,
          MAX_TOKENS);
      int s = 0;
      for (Catalog c : catalogs.versions()) {
        s = Math.max(s, c.currency().getDefaultFractionDigits());
        for (TokenPack p : c.packs()) {
          s = Math.max(s, Math.max(0, p.exactPrice().stripTrailingZeros().scale()));
        }
      }
      scale = s;
      List<Catalog> versions = catalogs.versions();
      for (int v = 0; v < versions.size(); v++) {
        Catalog c = versions.get(v);
        LocalDate from = v == 0 ? LocalDate.MIN : c.effective();
        LocalDate until = v + 1 < versions.size() ? versions.get(v + 1).effective() : LocalDate.MAX;
        // rule A: bought on the first day of the stretch, a day in [from, until)
        long xa = cum[firstDayAtOrAfter(from)];
        long xb = cum[firstDayAtOrAfter(until)] - 1;
        for (TokenPack pack : c.packs()) {
          if (xa <= xb) {
            families.add(new Family(Optional.empty(), pack, scaled(pack), xa, xb));
          }
        }
        // rule B: bought on the last day of this version, for stretches starting after it
        if (v + 1 < versions.size()) {
          LocalDate last = until.minusDays(1);
          if (!last.isBefore(earliest)) {
            long ya = cum[firstDayAtOrAfter(until)];
            long yb = cum[firstDayAtOrAfter(last.plus(validity))] - 1;
            for (TokenPack pack : c.packs()) {
              if (ya <= yb) {
                families.add(new Family(Optional.of(last), pack, scaled(pack), ya, yb));
              }
            }
          }
        }
      }
    }

    private long scaled(TokenPack pack) {
      return pack.exactPrice().setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /** Index of the first day on or after {@code d} (n when none). */
    private int firstDayAtOrAfter(LocalDate d) {
      int lo = 0;
      int hi = days.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (days[mid].isBefore(d)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** Index of the day holding token {@code x + 1} (positions count from 0). */
    private int dayOfToken(long x) {
      int lo = 0;
      int hi = days.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cum[mid + 1] > x) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }

    private LocalDate purchaseDay(Family f, long x) {
      return f.day.isPresent() ? f.day.get() : days[dayOfToken(x)];
    }

    List<ScheduledPurchase> solve(Method method) {
      boolean jumps = method == Method.JUMPS;
      if (method == Method.AUTO) {
        jumps = true;
        for (Family fam : families) {
          jumps &= fam.pack.size() >= JUMP_FROM_PACK;
        }
      }
      return jumps ? solveByJumps() : solveByTokens();
    }

    /** The programme over every token position {@code z = 1..T}. */
    private List<ScheduledPurchase> solveByTokens() {
      int t = (int) total;
      int n = days.length;
      // rule A: a pack bought on day i pays up to the tokens of days before i + validity
      long[] expiryReach = new long[n];
      for (int i = 0; i < n; i++) {
        expiryReach[i] = cum[firstDayAtOrAfter(days[i].plus(validity))];
      }
      long[] f = new long[t + 1];
      int[] fromX = new int[t + 1];
      short[] fromFamily = new short[t + 1];
      int nf = families.size();
      checkArgument(nf < Short.MAX_VALUE, "too many pack families: %s", nf);
      long[] ptr = new long[nf];
      int[] dayIdx = new int[nf];
      long[] reach = new long[nf];
      long[] size = new long[nf];
      long[] fixedReach = new long[nf];
      for (int k = 0; k < nf; k++) {
        Family fam = families.get(k);
        size[k] = fam.pack.size();
        fixedReach[k] =
            fam.day.isPresent() ? cum[firstDayAtOrAfter(fam.day.get().plus(validity))] : -1;
        ptr[k] = fam.xa;
        dayIdx[k] = fam.xa < total ? dayOfToken(fam.xa) : n - 1;
        reach[k] = reachAt(ptr[k], size[k], fixedReach[k], expiryReach, dayIdx[k]);
      }
      for (int z = 1; z <= t; z++) {
        long best = Long.MAX_VALUE;
        int bestK = -1;
        for (int k = 0; k < nf; k++) {
          Family fam = families.get(k);
          if (fam.xa >= z) {
            continue;
          }
          // the first start whose pack still reaches z: it only moves forward as z grows
          while (ptr[k] <= fam.xb && ptr[k] < z && reach[k] < z) {
            ptr[k]++;
            while (dayIdx[k] + 1 < n && cum[dayIdx[k] + 1] <= ptr[k]) {
              dayIdx[k]++;
            }
            reach[k] = reachAt(ptr[k], size[k], fixedReach[k], expiryReach, dayIdx[k]);
          }
          if (ptr[k] <= fam.xb && ptr[k] < z) {
            long cand = Math.addExact(f[(int) ptr[k]], fam.cost);
            if (cand < best) {
              best = cand;
              bestK = k;
            }
          }
        }
        checkArgument(
            bestK >= 0,
            "tokens drawn on %s cannot be paid: no catalog version sells packs usable then",
            days[dayOfToken(z - 1)]);
        f[z] = best;
        fromX[z] = (int) ptr[bestK];
        fromFamily[z] = (short) bestK;
      }
      // walk back: one pack per step, paying the stretch (x, z]
      List<Bought> packs = new ArrayList<>();
      int z = t;
      while (z > 0) {
        int x = fromX[z];
        Family fam = families.get(fromFamily[z]);
        packs.add(0, new Bought(purchaseDay(fam, x), fam.pack, z - x, days[dayOfToken(z - 1)]));
        z = x;
      }
      return consolidated(packs);
    }

    /**
     * The same programme visiting only the positions where some family's best candidate {@code
     * f(ptr_F(z)) + price_F} changes. {@code f} is a nondecreasing step function, kept as segments
     * of equal value; a family's pointer {@code ptr_F(z)} (the first start whose pack reaches
     * {@code z}) is nondecreasing, so its candidate stays the same until the pointer leaves the
     * segment it is in, which happens at {@code z = reach_F(end of segment) + 1}, or the family
     * runs out of starts (at {@code reach_F(x_b) + 1}). Between such positions no candidate, so
     * neither {@code f} nor its minimisers, changes; the walk back recomputes each step's choice
     * (the first family with the least candidate, as {@link #solveByTokens}) from {@code f}. With
     * packs of at least a few dozen tokens that is a small fraction of the token positions.
     */
    private List<ScheduledPurchase> solveByJumps() {
      int nf = families.size();
      Jumps j = new Jumps(nf);
      long[] next = new long[nf];
      long[] ptr = new long[nf];
      int[] ptrSeg = new int[nf];
      long[] cand = new long[nf];
      java.util.Arrays.fill(cand, Long.MAX_VALUE);
      java.util.Arrays.fill(ptr, -1);
      for (int k = 0; k < nf; k++) {
        next[k] = j.xa[k] + 1;
      }
      long[] segStart = {0, 0, 0, 0, 0, 0, 0, 0};
      long[] segValue = new long[8];
      int segments = 1;
      long z = 1;
      while (z <= total) {
        for (int k = 0; k < nf; k++) {
          if (next[k] != z) {
            continue;
          }
          long p = j.pointer(k, z, ptr[k] >= 0 ? ptr[k] : j.xa[k]);
          if (p < 0) {
            // no start reaches z, nor any later position: the family is spent
            ptr[k] = -1;
            cand[k] = Long.MAX_VALUE;
            next[k] = Long.MAX_VALUE;
            continue;
          }
          ptr[k] = p;
          int s = segmentOf(segStart, segments, p);
          ptrSeg[k] = s;
          cand[k] = Math.addExact(segValue[s], j.cost[k]);
          next[k] =
              s < segments - 1
                  ? j.reach(k, Math.min(segStart[s + 1] - 1, j.xb[k])) + 1
                  : j.reach(k, j.xb[k]) + 1; // its segment is open: at the latest when spent
        }
        long best = Long.MAX_VALUE;
        for (int k = 0; k < nf; k++) {
          best = Math.min(best, cand[k]);
        }
        checkArgument(
            best != Long.MAX_VALUE,
            "tokens drawn on %s cannot be paid: no catalog version sells packs usable then",
            days[dayOfToken(z - 1)]);
        if (best != segValue[segments - 1]) {
          // the open segment ends at z - 1: its families' pointers leave it at reach + 1
          long end = z - 1;
          for (int k = 0; k < nf; k++) {
            if (ptr[k] >= 0 && ptrSeg[k] == segments - 1) {
              next[k] = j.reach(k, Math.min(end, j.xb[k])) + 1;
            }
          }
          if (segments == segStart.length) {
            segStart = java.util.Arrays.copyOf(segStart, 2 * segments);
            segValue = java.util.Arrays.copyOf(segValue, 2 * segments);
          }
          segStart[segments] = z;
          segValue[segments] = best;
          segments++;
        }
        long following = Long.MAX_VALUE;
        for (int k = 0; k < nf; k++) {
          following = Math.min(following, next[k]);
        }
        z = following;
      }
      // walk back: one pack per step, paying the stretch (x, z], chosen as solveByTokens chooses
      List<Bought> packs = new ArrayList<>();
      long at = total;
      while (at > 0) {
        long best = Long.MAX_VALUE;
        int bestK = -1;
        long bestX = -1;
        for (int k = 0; k < nf; k++) {
          if (j.xa[k] >= at) {
            continue;
          }
          long p = j.pointer(k, at, j.xa[k]);
          if (p < 0) {
            continue;
          }
          long c = Math.addExact(segValue[segmentOf(segStart, segments, p)], j.cost[k]);
          if (c < best) {
            best = c;
            bestK = k;
            bestX = p;
          }
        }
        Family fam = families.get(bestK);
        packs.add(0, new Bought(purchaseDay(fam, bestX), fam.pack, at - bestX, days[dayOfToken(at - 1)]));
        at = bestX;
      }
      return consolidated(packs);
    }

    /** The last segment starting at or before {@code x}. */
    private static int segmentOf(long[] segStart, int segments, long x) {
      int lo = 0;
      int hi = segments - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (segStart[mid] <= x) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo;
    }

    /** The families as columns, with their reach and pointer. */
    private final class Jumps {
      private final long[] xa;
      private final long[] xb;
      private final long[] cost;
      private final long[] size;
      private final long[] fixedReach;
      /** Rule A: a pack bought on day i pays up to the tokens of days before i + validity. */
      private final long[] expiryReach;

      Jumps(int nf) {
        xa = new long[nf];
        xb = new long[nf];
        cost = new long[nf];
        size = new long[nf];
        fixedReach = new long[nf];
        for (int k = 0; k < nf; k++) {
          Family fam = families.get(k);
          xa[k] = fam.xa;
          xb[k] = fam.xb;
          cost[k] = fam.cost;
          size[k] = fam.pack.size();
          fixedReach[k] =
              fam.day.isPresent() ? cum[firstDayAtOrAfter(fam.day.get().plus(validity))] : -1;
        }
        expiryReach = new long[days.length];
        for (int i = 0; i < days.length; i++) {
          expiryReach[i] = cum[firstDayAtOrAfter(days[i].plus(validity))];
        }
      }

      /** How far a pack of family {@code k} paying from position {@code x} reaches. */
      long reach(int k, long x) {
        long byExpiry = fixedReach[k] >= 0 ? fixedReach[k] : expiryReach[dayOfToken(x)];
        return Math.min(x + size[k], byExpiry);
      }

      /**
       * The first start {@code x >= from} of family {@code k} (at most {@code x_b} and before
       * {@code z}) whose pack reaches {@code z}, or -1 when none does ({@code reach} is
       * nondecreasing in {@code x}).
       */
      long pointer(int k, long z, long from) {
        long lo = Math.max(from, xa[k]);
        long hi = Math.min(xb[k], z - 1);
        if (lo > hi || reach(k, hi) < z) {
          return -1;
        }
        while (lo < hi) {
          long mid = (lo + hi) >>> 1;
          if (reach(k, mid) >= z) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        return lo;
      }
    }

    private static long reachAt(
        long x, long size, long fixedReach, long[] expiryReach, int dayIdx) {
      long byExpiry = fixedReach >= 0 ? fixedReach : expiryReach[dayIdx];
      return Math.min(x + size, byExpiry);
    }

    /**
     * Purchases by day, each day's packs moved to the previous purchase day when that day has the
     * same catalog version (so the same prices) and every token they pay is drawn before it
     * expires: the cost and feasibility are unchanged, and there are fewer purchases.
     */
    private List<ScheduledPurchase> consolidated(List<Bought> packs) {
      packs.sort(java.util.Comparator.comparing(Bought::day));
      TreeMap<LocalDate, List<Bought>> byDay = new TreeMap<>();
      for (Bought b : packs) {
        byDay.computeIfAbsent(b.day(), d -> new ArrayList<>()).add(b);
      }
      List<LocalDate> groupDays = new ArrayList<>();
      List<List<Bought>> groups = new ArrayList<>();
      for (Map.Entry<LocalDate, List<Bought>> e : byDay.entrySet()) {
        LocalDate last = e.getValue().get(0).lastDay();
        for (Bought b : e.getValue()) {
          last = b.lastDay().isAfter(last) ? b.lastDay() : last;
        }
        if (!groups.isEmpty()) {
          LocalDate g = groupDays.get(groupDays.size() - 1);
          if (versionOn(catalogs, g) == versionOn(catalogs, e.getKey())
              && last.isBefore(g.plus(validity))) {
            groups.get(groups.size() - 1).addAll(e.getValue());
            continue;
          }
        }
        groupDays.add(e.getKey());
        groups.add(new ArrayList<>(e.getValue()));
      }
      List<ScheduledPurchase> out = new ArrayList<>();
      for (int i = 0; i < groups.size(); i++) {
        LocalDate day = groupDays.get(i);
        Map<TokenPack, Long> counts = new LinkedHashMap<>();
        long drawn = 0;
        for (Bought b : groups.get(i)) {
          counts.merge(b.pack(), 1L, Long::sum);
          drawn += b.pays();
        }
        Currency currency = versionOn(catalogs, day).currency();
        out.add(
            new ScheduledPurchase(
                day, day.plus(validity), new PackPurchase(Tokens.of(drawn), counts, currency)));
      }
      return out;
    }
  }

  /** One pack of the optimum: bought on {@code day}, paying {@code pays} tokens up to {@code lastDay}. */
  private record Bought(LocalDate day, TokenPack pack, long pays, LocalDate lastDay) {}

  /**
   * Packs of one size and price bought by one rule: on the first day of their stretch ({@code day}
   * empty; stretches starting at positions {@code [xa, xb]}, the days of one price version) or on
   * the fixed {@code day} (the last day of a version, for stretches starting later within the
   * validity).
   */
  private record Family(Optional<LocalDate> day, TokenPack pack, long cost, long xa, long xb) {}

}
