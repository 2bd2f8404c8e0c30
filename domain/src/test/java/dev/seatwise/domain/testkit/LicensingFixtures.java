package dev.seatwise.domain.testkit;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.metering.Coverage;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.tokens.Tokens;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * Example fixtures shared through the domain test-jar: money, tokens, sessions and a small
 * Autodesk-like catalog.
 *
 * <p>The catalog's token rates (AutoCAD 7, Revit 10) and pack shapes come from licensing-rules.md
 * §1-2; its named-user prices are <b>illustrative test data</b>, not verified list prices.
 * Everything here is immutable; no method returns null.
 */
public final class LicensingFixtures {
  private LicensingFixtures() {}

  public static final Currency USD = Currency.getInstance("USD");
  public static final Currency EUR = Currency.getInstance("EUR");
  public static final Currency JPY = Currency.getInstance("JPY");

  public static final ProductId AUTOCAD = ProductId.of("ACD");
  public static final ProductId REVIT = ProductId.of("RVT");
  public static final ProductId AEC_COLLECTION = ProductId.of("AECCOL");

  public static final long AUTOCAD_TOKENS_PER_WINDOW = 7;
  public static final long REVIT_TOKENS_PER_WINDOW = 10;

  /** Illustrative annual named-user price of AutoCAD in the fixture catalog. */
  public static final String AUTOCAD_NAMED_ANNUAL = "2030.00";

  /** Illustrative annual named-user price of Revit in the fixture catalog. */
  public static final String REVIT_NAMED_ANNUAL = "2985.00";

  /** Illustrative annual price of the AEC Collection bundle in the fixture catalog. */
  public static final String AEC_COLLECTION_ANNUAL = "3675.00";

  public static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  public static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  public static UnitPrice usdPerUnit(String perUnit) {
    return UnitPrice.of(perUnit, "USD");
  }

  public static Tokens tokens(long count) {
    return Tokens.of(count);
  }

  public static UserId user(String id) {
    return UserId.of(id);
  }

  /** A pack of {@code size} tokens at {@code perTokenUsd} USD per token. */
  public static TokenPack pack(long size, String perTokenUsd) {
    return new TokenPack(size, usdPerUnit(perTokenUsd));
  }

  /** 100 @ 3.00, 1000 @ 2.90 and 5000 @ 2.60 USD per token (the shape of Autodesk's tiers). */
  public static List<TokenPack> autodeskLikePacks() {
    return List.of(pack(100, "3.00"), pack(1000, "2.90"), pack(5000, "2.60"));
  }

  /**
   * A small Autodesk-like Flex catalog effective 2024-01-01 in USD: AutoCAD (7 tokens per window),
   * Revit (10 tokens), the AEC Collection bundle of both, {@link #autodeskLikePacks()}, tokens
   * valid one year, 24 h windows and a 5 min minimum billable launch.
   */
  public static Catalog autodeskLikeCatalog() {
    Product autocad =
        Product.of(
            AUTOCAD.value(), "AutoCAD", usd(AUTOCAD_NAMED_ANNUAL), AUTOCAD_TOKENS_PER_WINDOW);
    Product revit =
        Product.of(REVIT.value(), "Revit", usd(REVIT_NAMED_ANNUAL), REVIT_TOKENS_PER_WINDOW);
    Bundle aec =
        new Bundle(
            AEC_COLLECTION,
            "AEC Collection",
            Set.of(AUTOCAD, REVIT),
            Prices.annual(usd(AEC_COLLECTION_ANNUAL)));
    return new Catalog(
        "Autodesk-like",
        USD,
        LocalDate.of(2024, 1, 1),
        Catalog.FLEX_WINDOW,
        MeteringParameters.FLEX_DEFAULTS,
        Period.ofYears(1),
        autodeskLikePacks(),
        List.of(autocad, revit),
        List.of(aec));
  }

  /** The Autodesk-like catalog, nobody covered by a subscription, calendar days read in UTC. */
  public static MeterContext flexContext() {
    return MeterContext.of(autodeskLikeCatalog());
  }

  public static MeterContext flexContext(Coverage coverage, ZoneId zone) {
    return new MeterContext(autodeskLikeCatalog(), coverage, zone);
  }

  /** The instant of a local date-time written in UTC, e.g. {@code utc("2024-03-04T08:00")}. */
  public static Instant utc(String localDateTime) {
    return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
  }

  /**
   * The instant of a local date-time in {@code zone}, e.g. {@code at("2024-03-30T12:00", LONDON)}.
   */
  public static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  public static Session session(String user, ProductId product, Instant start, Instant end) {
    return new Session(UserId.of(user), product, start, end);
  }

  /**
   * A session written in UTC local times, e.g. {@code session("ann", AUTOCAD, "2024-03-04T08:00",
   * "2024-03-04T17:00")}.
   */
  public static Session session(String user, ProductId product, String startUtc, String endUtc) {
    return session(user, product, utc(startUtc), utc(endUtc));
  }

  public static BigDecimal decimal(String value) {
    return new BigDecimal(value);
  }
}
