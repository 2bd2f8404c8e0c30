package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one Flex access window of a checkout of a collection costs. A FlexLM log, an lmstat snapshot
 * or an export row names the collection ({@code 86815AECCOL_T_F}), not the member product that ran,
 * and Flex is priced per product (licensing-rules F17), so seatwise prices the window by a stated
 * assumption, in this order:
 *
 * <ol>
 *   <li>{@link Basis#STATED}: the collection's {@code flexTokensPerDay} when the catalog (or the
 *       command line) states one;
 *   <li>{@link Basis#MEMBERS_SEEN}: else the dearest rate among the members the same user was seen
 *       using in the same window (a session of the member overlapping it, or a day of the member's
 *       daily usage that overlaps it);
 *   <li>{@link Basis#DEAREST_MEMBER}: else the dearest member's rate (an upper bound: what the
 *       checkout costs if it ran the dearest title).
 * </ol>
 *
 * Stateless and thread-safe; no argument may be null.
 */
public final class CollectionPricing {
  private CollectionPricing() {}

  /** Which rule set a collection window's rate. */
  public enum Basis {
    STATED("the rate stated for the collection"),
    MEMBERS_SEEN("the members the user used in the same window"),
    DEAREST_MEMBER("the dearest member's rate");

    private final String description;

    Basis(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /**
   * The rate of one window, the rule that set it and the members it names (the members seen, or
   * the dearest members; empty for a stated rate).
   */
  public record Rate(long tokens, Basis basis, Set<ProductId> members) {
    public Rate {
      checkNotNull(basis, "basis");
      members = Collections.unmodifiableSet(new TreeSet<>(members));
    }
  }

  /** One collection window of a metering, with its rate's basis. */
  public record PricedWindow(Charge charge, Rate rate) {
    public PricedWindow {
      checkNotNull(charge, "charge");
      checkNotNull(rate, "rate");
    }
  }

  /** The rate of one window of {@code bundle} for a user seen using {@code membersSeen} in it. */
  public static Rate rate(Catalog catalog, Bundle bundle, Set<ProductId> membersSeen) {
    if (bundle.flexTokensPerDay().isPresent()) {
      return new Rate(bundle.flexTokensPerDay().get(), Basis.STATED, Set.of());
    }
    Set<ProductId> seen = new TreeSet<>();
    for (ProductId m : membersSeen) {
      if (bundle.includes().contains(m)) {
        seen.add(m);
      }
    }
    if (!seen.isEmpty()) {
      long max = 0;
      for (ProductId m : seen) {
        max = Math.max(max, rateOf(catalog, m));
      }
      return new Rate(max, Basis.MEMBERS_SEEN, seen);
    }
    long max = 0;
    for (ProductId m : bundle.includes()) {
      max = Math.max(max, rateOf(catalog, m));
    }
    Set<ProductId> dearest = new TreeSet<>();
    for (ProductId m : bundle.includes()) {
      if (rateOf(catalog, m) == max) {
        dearest.add(m);
      }
    }
    return new Rate(max, Basis.DEAREST_MEMBER, dearest);
  }

  private static long rateOf(Catalog catalog, ProductId member) {
    return catalog.product(member).flatMap(Product::tokenRate).orElse(0L);
  }

  /**
   * The members of {@code bundle} that a user used in {@code [start, end)}: a session of the member
   * that overlaps it, or a day of daily usage of the member (in {@code zone}) that overlaps it.
   */
  public static Set<ProductId> membersSeen(
      Bundle bundle,
      Map<ProductId, List<Session>> sessions,
      Map<ProductId, Set<LocalDate>> days,
      Instant start,
      Instant end,
      ZoneId zone) {
    Set<ProductId> seen = new TreeSet<>();
    for (ProductId m : bundle.includes()) {
      for (Session s : sessions.getOrDefault(m, List.of())) {
        boolean overlaps =
            s.start().isBefore(end) && (s.end().isAfter(start) || s.start().equals(start));
        if (overlaps) {
          seen.add(m);
          break;
        }
      }
      if (seen.contains(m)) {
        continue;
      }
      for (LocalDate d : days.getOrDefault(m, Set.of())) {
        Instant dayStart = d.atStartOfDay(zone).toInstant();
        Instant dayEnd = d.plusDays(1).atStartOfDay(zone).toInstant();
        if (dayStart.isBefore(end) && dayEnd.isAfter(start)) {
          seen.add(m);
          break;
        }
      }
    }
    return seen;
  }

  /**
   * The collection windows of {@code metering} (charges whose product is a bundle of the context's
   * catalog) with the basis of their rate, re-derived from {@code usage} by the rule the meter
   * applied. In charge order.
   */
  public static List<PricedWindow> windows(UsageLog usage, Metering metering, MeterContext context) {
    Catalog catalog = context.catalog();
    List<PricedWindow> out = new ArrayList<>();
    if (catalog.bundles().isEmpty()) {
      return out;
    }
    Index index = null;
    for (Charge c : metering.charges()) {
      if (catalog.product(c.product()).isPresent()) {
        continue;
      }
      var bundle = catalog.bundle(c.product());
      if (bundle.isEmpty()) {
        continue;
      }
      if (index == null) {
        index = Index.of(usage);
      }
      Set<ProductId> seen =
          membersSeen(
              bundle.get(),
              index.sessions(c.user()),
              index.days(c.user()),
              c.start(),
              c.end(),
              context.zone());
      out.add(new PricedWindow(c, rate(catalog, bundle.get(), seen)));
    }
    return out;
  }

  /** Sessions and days of usage per user and product. */
  record Index(
      Map<UserId, Map<ProductId, List<Session>>> byUser,
      Map<UserId, Map<ProductId, Set<LocalDate>>> daysByUser) {
    static Index of(UsageLog usage) {
      Map<UserId, Map<ProductId, List<Session>>> sessions = new HashMap<>();
      for (Session s : usage.sessions()) {
        sessions
            .computeIfAbsent(s.user(), u -> new HashMap<>())
            .computeIfAbsent(s.product(), p -> new ArrayList<>())
            .add(s);
      }
      Map<UserId, Map<ProductId, Set<LocalDate>>> days = new HashMap<>();
      for (DailyUsage d : usage.days()) {
        days.computeIfAbsent(d.user(), u -> new HashMap<>())
            .computeIfAbsent(d.product(), p -> new TreeSet<>())
            .add(d.day());
      }
      return new Index(sessions, days);
    }

    Map<ProductId, List<Session>> sessions(UserId user) {
      return byUser.getOrDefault(user, Map.of());
    }

    Map<ProductId, Set<LocalDate>> days(UserId user) {
      return daysByUser.getOrDefault(user, Map.of());
    }
  }
}
