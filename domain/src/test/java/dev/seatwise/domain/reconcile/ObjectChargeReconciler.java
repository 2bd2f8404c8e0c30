package dev.seatwise.domain.reconcile;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reconciliation as it was written on objects (a {@code TreeMap} of keys, the replay's charges
 * grouped by user and product, a scan of the group's sessions per window), kept as the oracle of
 * {@link ChargeReconciler}'s columnar walk: {@code ChargeReconcilerProperties} checks that both give
 * the same days on random usage and charges.
 */
final class ObjectChargeReconciler {
  private ObjectChargeReconciler() {}

  private record Key(LocalDate day, UserId user, ProductId product) implements Comparable<Key> {
    private static final Comparator<Key> ORDER =
        Comparator.comparing(Key::day).thenComparing(Key::user).thenComparing(Key::product);

    @Override
    public int compareTo(Key o) {
      return ORDER.compare(this, o);
    }
  }

  /**
   * What is known about one key, gathered while reconciling (fields are final arrays: domain types
   * keep final fields): tokens charged and replayed, and the flags below.
   */
  private static final class Facts {
    static final int SEEN = 0;
    static final int SHORT_LAUNCH = 1;
    static final int RUNS_IN = 2;
    static final int CONTINUATION = 3;
    static final int SOON_AFTER_PREVIOUS = 4;
    final long[] tokens = new long[2];
    final boolean[] flags = new boolean[5];
  }

  /**
   * Reconciles {@code charged} with {@code replay}, the metering of {@code usage} (the same people's
   * sessions and days), over {@code [from, to)}.
   */
  static Reconciliation reconcile(
      List<ChargedDay> charged,
      UsageLog usage,
      Metering replay,
      MeterContext context,
      LocalDate from,
      LocalDate to) {
    return Reconciliation.of(days(charged, usage, replay, context, from, to));
  }

  /** Every day compared, in day, user, product order. */
  static List<ReconciledDay> days(
      List<ChargedDay> charged,
      UsageLog usage,
      Metering replay,
      MeterContext context,
      LocalDate from,
      LocalDate to) {
    checkNotNull(charged, "charged");
    checkNotNull(usage, "usage");
    checkNotNull(replay, "replay");
    checkNotNull(context, "context");
    checkArgument(to.isAfter(checkNotNull(from, "from")), "empty period [%s, %s)", from, to);
    ZoneId zone = context.zone();
    Duration minimum = context.catalog().metering().minimumBillable();
    Duration window = context.catalog().metering().window();
    Map<Key, Facts> facts = new TreeMap<>();
    for (ChargedDay c : charged) {
      if (within(c.day(), from, to)) {
        facts.computeIfAbsent(new Key(c.day(), c.user(), c.product()), k -> new Facts())
                .tokens[0] += c.tokens();
      }
    }
    // session starts per user and product, to tell a launch from a continuation
    Map<UserId, Map<ProductId, List<Session>>> sessions = new HashMap<>();
    for (Session s : usage.sessions()) {
      sessions
          .computeIfAbsent(s.user(), u -> new HashMap<>())
          .computeIfAbsent(s.product(), p -> new ArrayList<>())
          .add(s);
    }
    Map<UserId, Map<ProductId, List<Charge>>> windows = replay.chargesByUserAndProduct();
    windows.forEach(
        (user, byProduct) ->
            byProduct.forEach(
                (product, list) -> {
                  List<Charge> sorted = new ArrayList<>(list);
                  sorted.sort(Comparator.comparing(Charge::start));
                  List<Session> own =
                      sessions.getOrDefault(user, Map.of()).getOrDefault(product, List.of());
                  for (int i = 0; i < sorted.size(); i++) {
                    Charge c = sorted.get(i);
                    LocalDate day = c.start().atZone(zone).toLocalDate();
                    if (!within(day, from, to)) {
                      continue;
                    }
                    Facts f = facts.computeIfAbsent(new Key(day, user, product), k -> new Facts());
                    f.tokens[1] += c.tokens();
                    boolean launch =
                        own.isEmpty() || own.stream().anyMatch(s -> s.start().equals(c.start()));
                    if (!launch) {
                      f.flags[Facts.CONTINUATION] = true;
                    } else if (i > 0) {
                      Instant previousEnd = sorted.get(i - 1).end();
                      if (!c.start().isAfter(previousEnd.plus(window))) {
                        f.flags[Facts.SOON_AFTER_PREVIOUS] = true;
                      }
                    }
                  }
                }));
    // usage seen, short launches and sessions running into a day, for the keys that matter
    for (Session s : usage.sessions()) {
      LocalDate first = s.start().atZone(zone).toLocalDate();
      Instant last = s.end().isAfter(s.start()) ? s.end().minusNanos(1) : s.end();
      LocalDate lastDay = last.atZone(zone).toLocalDate();
      for (LocalDate d = first; !d.isAfter(lastDay); d = d.plusDays(1)) {
        Facts f = facts.get(new Key(d, s.user(), s.product()));
        if (f == null) {
          continue;
        }
        f.flags[Facts.SEEN] = true;
        if (d.equals(first)) {
          if (Duration.between(s.start(), s.end()).compareTo(minimum) < 0) {
            f.flags[Facts.SHORT_LAUNCH] = true;
          }
        } else {
          f.flags[Facts.RUNS_IN] = true;
        }
      }
    }
    for (DailyUsage d : usage.days()) {
      Facts f = facts.get(new Key(d.day(), d.user(), d.product()));
      if (f != null) {
        f.flags[Facts.SEEN] = true;
      }
    }
    List<ReconciledDay> out = new ArrayList<>();
    facts.forEach((k, f) -> out.add(day(k, f)));
    return out;
  }

  private static ReconciledDay day(Key k, Facts f) {
    long charged = f.tokens[0];
    long replayed = f.tokens[1];
    boolean[] is = f.flags;
    if (charged == replayed) {
      return new ReconciledDay(
          k.day(), k.user(), k.product(), charged, replayed, Optional.empty(), LikelyRule.NONE);
    }
    if (charged > 0 && !is[Facts.SEEN] && replayed == 0) {
      return new ReconciledDay(
          k.day(), k.user(), k.product(), charged, replayed,
          Optional.of(Discrepancy.CHARGED_WITHOUT_USAGE), LikelyRule.NONE);
    }
    LikelyRule rule;
    if (charged > replayed && is[Facts.SHORT_LAUNCH]) {
      rule = LikelyRule.UNDER_5_MINUTES;
    } else if (is[Facts.CONTINUATION] || (charged > replayed && is[Facts.RUNS_IN])) {
      rule = LikelyRule.CONTINUATION_PAST_24H;
    } else if (replayed > charged && is[Facts.SOON_AFTER_PREVIOUS]) {
      rule = LikelyRule.IDLE_PAUSE;
    } else {
      rule = LikelyRule.NONE;
    }
    Discrepancy kind = charged == 0 ? Discrepancy.USAGE_NOT_CHARGED : Discrepancy.DIFFERENT_AMOUNT;
    return new ReconciledDay(
        k.day(), k.user(), k.product(), charged, replayed, Optional.of(kind), rule);
  }

  private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
    return !day.isBefore(from) && day.isBefore(to);
  }
}
