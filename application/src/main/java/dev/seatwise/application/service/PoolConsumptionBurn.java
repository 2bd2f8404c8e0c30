package dev.seatwise.application.service;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.PoolBurn;
import dev.seatwise.application.port.in.ProductLineBurn;
import dev.seatwise.application.port.out.PoolConsumption;
import dev.seatwise.domain.tokens.TokenCharge;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Enterprise Token Flex pool consumption (daily tokens per pool and product line, no users) as burn:
 * the rows of a period, their daily totals, their ledger charges (one per row, at the start of its
 * day) and the per-product-line and per-pool tables. Every row counts: a product line the catalog
 * does not know stays under its own code.
 */
final class PoolConsumptionBurn {
  private PoolConsumptionBurn() {}

  /** The rows whose day lies in the period. */
  static List<PoolConsumption> within(List<PoolConsumption> rows, AnalysisPeriod period) {
    List<PoolConsumption> out = new ArrayList<>();
    for (PoolConsumption c : rows) {
      if (!c.day().isBefore(period.from()) && c.day().isBefore(period.to())) {
        out.add(c);
      }
    }
    return out;
  }

  /** Adds each row's tokens to its day of {@code daily} (index 0 = the period's first day). */
  static void addDaily(List<PoolConsumption> rows, AnalysisPeriod period, long[] daily) {
    for (PoolConsumption c : rows) {
      int i = (int) ChronoUnit.DAYS.between(period.from(), c.day());
      daily[i] = Math.addExact(daily[i], c.tokens());
    }
  }

  static long total(List<PoolConsumption> rows) {
    long sum = 0;
    for (PoolConsumption c : rows) {
      sum = Math.addExact(sum, c.tokens());
    }
    return sum;
  }

  /** One ledger charge per row with tokens, at the start of its day, referenced {@code pool/line}. */
  static List<TokenCharge> ledgerCharges(List<PoolConsumption> rows, ZoneId zone) {
    List<TokenCharge> out = new ArrayList<>();
    for (PoolConsumption c : rows) {
      if (c.tokens() > 0) {
        out.add(
            new TokenCharge(
                c.day().atStartOfDay(zone).toInstant(),
                c.tokens(),
                "pool " + c.pool() + "/" + c.productLine()));
      }
    }
    return out;
  }

  /** Tokens per product line, most tokens first (ties by code); days = days with tokens. */
  static List<ProductLineBurn> byProduct(List<PoolConsumption> rows) {
    Map<String, PoolConsumption> first = new LinkedHashMap<>();
    Map<String, long[]> tokens = new TreeMap<>();
    Map<String, Set<Long>> days = new TreeMap<>();
    for (PoolConsumption c : rows) {
      first.putIfAbsent(c.productLine(), c);
      long[] t = tokens.computeIfAbsent(c.productLine(), k -> new long[1]);
      t[0] = Math.addExact(t[0], c.tokens());
      if (c.tokens() > 0) {
        days.computeIfAbsent(c.productLine(), k -> new HashSet<>()).add(c.day().toEpochDay());
      }
    }
    List<ProductLineBurn> out = new ArrayList<>();
    tokens.forEach(
        (line, t) -> {
          PoolConsumption c = first.get(line);
          out.add(
              new ProductLineBurn(
                  line, c.productName(), c.product(), t[0], days.getOrDefault(line, Set.of()).size()));
        });
    out.sort(
        Comparator.comparingLong(ProductLineBurn::tokens)
            .reversed()
            .thenComparing(ProductLineBurn::productLine));
    return out;
  }

  /** Tokens per pool, in pool order, with the number of product lines that burned any. */
  static List<PoolBurn> byPool(List<PoolConsumption> rows) {
    Map<String, long[]> tokens = new TreeMap<>();
    Map<String, Set<String>> lines = new TreeMap<>();
    for (PoolConsumption c : rows) {
      long[] t = tokens.computeIfAbsent(c.pool(), k -> new long[1]);
      t[0] = Math.addExact(t[0], c.tokens());
      if (c.tokens() > 0) {
        lines.computeIfAbsent(c.pool(), k -> new HashSet<>()).add(c.productLine());
      }
    }
    List<PoolBurn> out = new ArrayList<>();
    tokens.forEach(
        (pool, t) -> out.add(new PoolBurn(pool, t[0], lines.getOrDefault(pool, Set.of()).size())));
    return out;
  }
}
