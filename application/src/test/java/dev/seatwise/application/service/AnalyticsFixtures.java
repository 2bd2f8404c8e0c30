package dev.seatwise.application.service;

import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hand-written in-memory ports and a small catalog for the analytics use cases' tests.
 *
 * <p>Catalog (USD, effective 2024-01-01, tokens expire after 1 year, 24 h windows, 5 min minimum):
 * ACD named 2,030.00/yr at 7 tokens/window; RVT named 2,985.00/yr at 10 tokens/window; C3D named
 * 2,500.00/yr at 9 tokens/window; bundle AEC (ACD + RVT + C3D) 3,600.00/yr; packs of 100 at 3.00
 * (300.00) and of 500 at 2.70 (1,350.00). ACD also has a legacy network seat price of 1,000.00/yr.
 */
final class AnalyticsFixtures {
  private AnalyticsFixtures() {}

  static final Currency USD = Currency.getInstance("USD");
  static final ProductId ACD = ProductId.of("ACD");
  static final ProductId RVT = ProductId.of("RVT");
  static final ProductId C3D = ProductId.of("C3D");
  static final ProductId AEC = ProductId.of("AEC");

  /** An in-memory usage source. */
  static final class InMemoryUsageAdapter implements UsagePort {
    private final ImportedUsage usage;

    InMemoryUsageAdapter(ImportedUsage usage) {
      this.usage = usage;
    }

    static InMemoryUsageAdapter of(List<Session> sessions) {
      return new InMemoryUsageAdapter(ImportedUsage.of(UsageLog.ofSessions(sessions)));
    }

    static InMemoryUsageAdapter of(List<Session> sessions, List<DailyUsage> days) {
      return new InMemoryUsageAdapter(ImportedUsage.of(new UsageLog(sessions, days)));
    }

    @Override
    public ImportedUsage usage() {
      return usage;
    }
  }

  /** An in-memory record of what the organisation holds. */
  static final class InMemoryEntitlementsAdapter implements EntitlementsPort {
    private final Entitlements entitlements;

    InMemoryEntitlementsAdapter(Entitlements entitlements) {
      this.entitlements = entitlements;
    }

    static InMemoryEntitlementsAdapter none() {
      return new InMemoryEntitlementsAdapter(Entitlements.NONE);
    }

    @Override
    public Entitlements entitlements() {
      return entitlements;
    }
  }

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  static UnitPrice perToken(String amount) {
    return UnitPrice.of(amount, "USD");
  }

  static Catalog catalog() {
    return new Catalog(
        "autodesk",
        USD,
        LocalDate.of(2024, 1, 1),
        Catalog.FLEX_WINDOW,
        MeteringParameters.FLEX_DEFAULTS,
        Period.ofYears(1),
        List.of(new TokenPack(100, perToken("3.00")), new TokenPack(500, perToken("2.70"))),
        List.of(
            Product.of("ACD", "AutoCAD", usd("2030.00"), 7).withNetworkSeat(usd("1000.00")),
            Product.of("RVT", "Revit", usd("2985.00"), 10),
            Product.of("C3D", "Civil 3D", usd("2500.00"), 9)),
        List.of(
            new Bundle(AEC, "AEC Collection", Set.of(ACD, RVT, C3D), Prices.annual(usd("3600.00")))));
  }

  static CatalogHistory catalogs() {
    return CatalogHistory.of(catalog());
  }

  static Instant at(String iso) {
    return Instant.parse(iso);
  }

  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  /** One session of {@code hours} starting at {@code time} (UTC) on each day of {@code [from, to)}. */
  static List<Session> daily(
      String user, ProductId product, String from, String to, int hourOfDay, long hours) {
    List<Session> out = new ArrayList<>();
    for (LocalDate d = day(from); d.isBefore(day(to)); d = d.plusDays(1)) {
      Instant s = d.atTime(hourOfDay, 0).toInstant(ZoneOffset.UTC);
      out.add(new Session(UserId.of(user), product, s, s.plus(Duration.ofHours(hours))));
    }
    return out;
  }

  static Session session(String user, ProductId product, String start, String end) {
    return new Session(UserId.of(user), product, at(start), at(end));
  }

  static TokenLot lot(String id, String purchased, long size, String perToken, String expires) {
    return new TokenLot(id, at(purchased), size, perToken(perToken), at(expires));
  }

  static Subscription subscription(
      String id, ProductId offering, long seats, String start, String end, Optional<Money> price) {
    return new Subscription(id, offering, seats, Term.ANNUAL, day(start), day(end), price);
  }

  static SeatAssignment assigned(String user, ProductId offering) {
    return new SeatAssignment(UserId.of(user), offering);
  }

  static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }
}
