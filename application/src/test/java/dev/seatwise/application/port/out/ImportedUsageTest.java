package dev.seatwise.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UsageLog;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link ImportedUsage} holds Token Usage rows and puts two imports together. */
class ImportedUsageTest {
  private static final UserId ANN = UserId.of("ann@example.com");
  private static final UserId BEN = UserId.of("ben@example.com");
  private static final ProductId ACD = ProductId.of("ACD");
  private static final ProductId RVT = ProductId.of("RVT");
  private static final LocalDate DAY = LocalDate.of(2025, 3, 3);

  private static ImportedUsage withTokens(List<TokenUsage> rows) {
    return new ImportedUsage(
        UsageLog.ofSessions(List.of()), List.of(), List.of(), rows, List.of(), List.of(),
        ImportReport.EMPTY);
  }

  private static ImportedUsage withSessions(SessionTable table) {
    return ImportedUsage.of(UsageLog.of(table, List.of()));
  }

  private static SessionTable sessions(UserId user, int n) {
    SessionTable.Builder b = SessionTable.builder();
    for (int i = 0; i < n; i++) {
      Instant start = Instant.parse("2025-03-03T08:00:00Z").plusSeconds(3600L * i);
      b.add(new Session(user, ACD, start, start.plusSeconds(1800)));
    }
    return b.build();
  }

  @Test
  void tokenUsageIsHeldByColumnAndReadBackAsGiven() {
    List<TokenUsage> rows =
        List.of(
            new TokenUsage(DAY, ANN, ACD, 7),
            new TokenUsage(DAY, BEN, RVT, 10),
            new TokenUsage(DAY.plusDays(1), ANN, ACD, 0));
    ImportedUsage u = withTokens(new ArrayList<>(rows));

    assertThat(u.tokenUsage()).isInstanceOf(TokenUsageList.class).isEqualTo(rows);
    assertThat(((TokenUsageList) u.tokenUsage()).charges().users()).containsExactly(ANN, BEN);
    assertThat(u.onlyCharges()).isTrue();
    // a charge of tokens is taken as a day used; a row of 0 tokens is not
    assertThat(u.withChargesAsUsage().log().days())
        .containsExactly(new DailyUsage(ANN, ACD, DAY), new DailyUsage(BEN, RVT, DAY));
    assertThatThrownBy(() -> new TokenUsage(DAY, ANN, ACD, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void chargesTakenAsUsageKeepEverythingElse() {
    // a Token Usage export beside an Enterprise pool's consumption export: the charges become days
    // used, and the consumption (and units held) stay; the consumption was dropped, so the span
    // of the data (lastDayOfUsage, the default period) ended at the last charge, 2025-03-03,
    // instead of the last day of consumption, 2025-04-10
    PoolConsumption pooled =
        new PoolConsumption(
            LocalDate.of(2025, 4, 10), "pool", "category", "line", "name", java.util.Optional.of(ACD), 40);
    HeldUnits units =
        new HeldUnits(
            new Session(ANN, ACD, Instant.parse("2025-03-03T08:00:00Z"), Instant.parse("2025-03-03T09:00:00Z")), 3);
    ImportedUsage u =
        new ImportedUsage(
            UsageLog.ofSessions(List.of()), List.of(), List.of(), List.of(new TokenUsage(DAY, ANN, ACD, 7)),
            List.of(), List.of(), ImportReport.EMPTY, List.of(pooled), List.of(units));

    ImportedUsage asUsage = u.withChargesAsUsage();

    assertThat(asUsage.log().days()).containsExactly(new DailyUsage(ANN, ACD, DAY));
    assertThat(asUsage.consumption()).containsExactly(pooled);
    assertThat(asUsage.heldUnits()).containsExactly(units);
    assertThat(
            dev.seatwise.application.service.UsageAnalysis.lastDayOfUsage(u, java.time.ZoneOffset.UTC))
        .contains(LocalDate.of(2025, 4, 10));
  }

  @Test
  void twoImportsTogetherHoldBothSidesRowsInOrder() {
    ImportedUsage a = withSessions(sessions(ANN, 3)).plus(withTokens(List.of(new TokenUsage(DAY, ANN, ACD, 7))));
    ImportedUsage b = withSessions(sessions(BEN, 2)).plus(withTokens(List.of(new TokenUsage(DAY, BEN, RVT, 10))));

    ImportedUsage both = a.plus(b);

    assertThat(both.log().sessions())
        .extracting(Session::user)
        .containsExactly(ANN, ANN, ANN, BEN, BEN);
    assertThat(both.tokenUsage())
        .containsExactly(new TokenUsage(DAY, ANN, ACD, 7), new TokenUsage(DAY, BEN, RVT, 10));
  }

  @Test
  void aSideWithoutSessionsKeepsTheOtherSidesTableAsItIs() {
    // a Token Usage export beside a sessions file: the sessions are not copied
    SessionTable table = sessions(ANN, 4);
    ImportedUsage charges = withTokens(List.of(new TokenUsage(DAY, ANN, ACD, 7)));

    assertThat(withSessions(table).plus(charges).sessionTable()).isSameAs(table);
    assertThat(charges.plus(withSessions(table)).sessionTable()).isSameAs(table);
    assertThat(withSessions(table).plus(charges).tokenUsage()).isEqualTo(charges.tokenUsage());
  }
}
