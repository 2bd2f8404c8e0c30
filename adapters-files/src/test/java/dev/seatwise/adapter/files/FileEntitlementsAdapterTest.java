package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.usage.UserId;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.TokenLot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileEntitlementsAdapterTest {
  private static FileEntitlements read(ImportOptions options, String... resources) {
    List<UsageSource> sources = new java.util.ArrayList<>();
    for (String r : resources) {
      sources.add(UsageSource.of(Fixtures.path(r)));
    }
    return new FileEntitlementsAdapter(sources, Fixtures.resolver(), options).read();
  }

  @Test
  void subscriptionsAndUsersExportsGiveTodaysPlan() {
    FileEntitlements e = read(ImportOptions.defaults(),
        "fixtures/autodesk-subscriptions.csv", "fixtures/autodesk-users.csv");

    assertThat(e.entitlements().subscriptions()).containsExactly(
        new Subscription("72849120", ProductId.of("ACD"), 10, Term.ANNUAL, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 6, 1), Optional.empty()),
        new Subscription("72849121", ProductId.of("AECCOL"), 5, Term.THREE_YEAR, LocalDate.of(2024, 4, 15), LocalDate.of(2027, 4, 15), Optional.empty()),
        new Subscription("72849122", ProductId.of("RVT"), 2, Term.MONTHLY, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), Optional.empty()));
    assertThat(e.entitlements().assignments()).containsExactly(
        new SeatAssignment(UserId.of("john.smith@example.com"), ProductId.of("ACD")),
        new SeatAssignment(UserId.of("mei.lee@example.com"), ProductId.of("AECCOL")),
        new SeatAssignment(UserId.of("tom.nguyen@example.com"), ProductId.of("NAVMAN")),
        new SeatAssignment(UserId.of("tom.nguyen@example.com"), ProductId.of("RVT")));
    assertThat(e.entitlements().lots()).isEmpty();

    assertThat(e.report().files()).extracting(f -> f.format())
        .containsExactly("autodesk-subscriptions", "autodesk-users");
    assertThat(e.report().rejections()).extracting(r -> r.line() + " [" + r.field() + "]: " + r.reason())
        .containsExactly(
            "5 [offering_name]: unknown product 'Photoshop'",
            "6 [seat_quantity]: not a whole number: 'two'",
            "7 [term]: unknown term 'Quarterly' and 2025-06-01 to 2025-09-15 is not about 1, 12 or 36 months",
            "6 [product_name]: unknown product 'Photoshop'");
    assertThat(e.report().rowsRead()).isEqualTo(11);
    assertThat(e.report().accepted()).isEqualTo(7);
  }

  @Test
  void theIdentityMapAppliesToAssignments() {
    ImportOptions named = ImportOptions.defaults()
        .withIdentity(IdentityMap.read(Fixtures.path("fixtures/identity-map.csv")));
    FileEntitlements e = read(named, "fixtures/autodesk-users.csv");
    assertThat(e.entitlements().assignments()).extracting(a -> a.user().value())
        .containsExactly("John Smith", "Mei Lee", "tom.nguyen@example.com", "tom.nguyen@example.com");
  }

  @Test
  void usageFilesAreRefused() {
    assertThatThrownBy(() -> read(ImportOptions.defaults(), "fixtures/sessions.csv"))
        .isInstanceOf(UsageImportException.class)
        .hasMessageEndingWith("sessions.csv: sessions-csv holds usage, not entitlements; read it with FileUsageAdapter");
  }

  @Test
  void termsAreReadInTheirCommonSpellings() {
    assertThat(AutodeskSubscriptionsReader.term("3-Year")).contains(Term.THREE_YEAR);
    assertThat(AutodeskSubscriptionsReader.term("1 Year")).contains(Term.ANNUAL);
    assertThat(AutodeskSubscriptionsReader.term("Monthly")).contains(Term.MONTHLY);
    assertThat(AutodeskSubscriptionsReader.term("Quarterly")).isEmpty();
  }

  @Test
  void tokenLotsAreReadFromTheLotsCsvWithDefaultsForExpiryAndCurrency() {
    FileEntitlements e =
        new FileEntitlementsAdapter(
                List.of(UsageSource.of(Fixtures.path("fixtures/token-lots.csv"))),
                Fixtures.resolver(),
                ImportOptions.defaults(),
                Optional.of(java.util.Currency.getInstance("USD")))
            .read();

    assertThat(e.entitlements().lots()).containsExactly(
        new TokenLot("PO-1001", Instant.parse("2025-01-15T00:00:00Z"), 5000, UnitPrice.of("2.70", "USD"),
            Instant.parse("2026-01-15T00:00:00Z")),
        // no id, currency or expiry: FILE#line, the catalog's currency, 12 months after purchase
        new TokenLot("token-lots.csv#3", Instant.parse("2025-07-01T00:00:00Z"), 500, UnitPrice.of("3.00", "USD"),
            Instant.parse("2026-07-01T00:00:00Z")));
    assertThat(e.report().files()).extracting(f -> f.format()).containsExactly("token-lots");
    assertThat(e.report().rejections()).extracting(r -> r.line() + " [" + r.field() + "]: " + r.reason())
        .containsExactly(
            "4 [expires]: expiry 2025-06-01 is not after purchase 2025-07-01",
            "5 [tokens]: a lot holds at least one token",
            "6 [unit_price]: not a price: 'cheap'",
            "7 [currency]: unknown currency 'XYZ'");
    assertThat(e.report().rowsRead()).isEqualTo(6);
  }

  @Test
  void aLotWithoutAnExpiryLastsTheValidityGivenForItsPurchaseDate() {
    // the caller passes the catalog's tokens.expiresAfter in force on the purchase date: 6 months
    // for purchases before 2025-06-01, 18 after; PO-1001 states its own expiry and keeps it
    FileEntitlements e =
        new FileEntitlementsAdapter(
                List.of(UsageSource.of(Fixtures.path("fixtures/token-lots.csv"))),
                Fixtures.resolver(),
                ImportOptions.defaults(),
                Optional.of(java.util.Currency.getInstance("USD")),
                day -> day.isBefore(LocalDate.of(2025, 6, 1)) ? java.time.Period.ofMonths(6)
                    : java.time.Period.ofMonths(18))
            .read();

    assertThat(e.entitlements().lots())
        .extracting(TokenLot::id, TokenLot::expires)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("PO-1001", Instant.parse("2026-01-15T00:00:00Z")),
            // bought 2025-07-01, no expiry: 18 months
            org.assertj.core.api.Assertions.tuple(
                "token-lots.csv#3", Instant.parse("2027-01-01T00:00:00Z")));
  }

  @Test
  void aLotWithoutCurrencyIsRejectedWhenNoDefaultIsKnown() {
    FileEntitlements e = read(ImportOptions.defaults(), "fixtures/token-lots.csv");
    assertThat(e.entitlements().lots()).extracting(TokenLot::id).containsExactly("PO-1001");
    assertThat(e.report().rejections()).extracting(r -> r.line() + " [" + r.field() + "]: " + r.reason())
        .contains("3 [currency]: no currency: add a currency column (e.g. USD)");
  }
}
