package dev.seatwise.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatwise.adapter.json.mapping.JsonReviewMapper;
import dev.seatwise.adapter.json.mapping.JsonTradeInMapper;
import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.RenewalAction;
import dev.seatwise.application.port.in.RenewalReview;
import dev.seatwise.application.port.in.TradeInEvaluation;
import dev.seatwise.application.port.in.TradeInOption;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AnalyticsJsonTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final AnalysisPeriod YEAR =
      new AnalysisPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), ZoneId.of("UTC"));
  private final ObjectMapper json = JsonMapperFactory.create();

  @Test
  void aReviewIsWrittenWithKindsAsLabelsRunningTotalsAndAbsentPartsLeftOut() throws Exception {
    RenewalReview review =
        new RenewalReview(
            LocalDate.of(2026, 1, 1),
            YEAR,
            30,
            Optional.of(UnitPrice.of("2.70", "USD")),
            List.of(
                new RenewalAction(
                    RenewalAction.Kind.REMOVE_IDLE_SEAT,
                    Optional.of(UserId.of("a@x.com")),
                    Optional.of(ProductId.of("ACD")),
                    Optional.empty(),
                    Money.of("2030", "USD"),
                    LocalDate.of(2026, 1, 1),
                    "idle")),
            List.of("n"),
            Money.of("6090", "USD"),
            Money.of("4060", "USD"),
            Money.of("4000", "USD"),
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2027, 1, 1));

    String text =
        json.writeValueAsString(
            JsonReviewMapper.INSTANCE.toResponse(review, ImportReport.EMPTY, USD, List.of("i")));

    assertThat(text)
        .isEqualTo(
            "{\"currency\":\"USD\",\"asOf\":\"2026-01-01\","
                + "\"history\":{\"from\":\"2025-01-01\",\"to\":\"2026-01-01\",\"days\":365,\"zone\":\"UTC\"},"
                + "\"idleDays\":30,\"tokenPrice\":2.70,"
                + "\"actions\":[{\"kind\":\"remove-idle-seat\",\"user\":\"a@x.com\",\"offering\":\"ACD\","
                + "\"saving\":2030.00,\"actionableOn\":\"2026-01-01\",\"reason\":\"idle\","
                + "\"runningTotal\":4060.00,\"users\":[\"a@x.com\"]}],"
                + "\"import\":{\"rowsRead\":0,\"accepted\":0,\"rejected\":0,\"rejections\":[],\"files\":[]},"
                + "\"notes\":[\"n\",\"i\"],"
                + "\"period\":{\"from\":\"2026-01-01\",\"to\":\"2027-01-01\",\"days\":365,\"zone\":\"UTC\"},"
                + "\"current\":6090.00,\"target\":4060.00,\"optimum\":4000.00,\"timingGap\":60.00}");
  }

  @Test
  void aTradeInIsWrittenWithItsOptionsAndTheCheapest() throws Exception {
    TradeInOption keep = new TradeInOption(TradeInOption.Choice.KEEP, Money.of("2000", "USD"), "k");
    TradeInOption retire =
        new TradeInOption(TradeInOption.Choice.RETIRE, Money.of("1700", "USD"), "r");
    TradeInEvaluation evaluation =
        new TradeInEvaluation(
            ProductId.of("ACD"),
            YEAR,
            1,
            2,
            2,
            OptionalLong.empty(),
            List.of(keep, retire),
            retire,
            List.of());

    String text =
        json.writeValueAsString(
            JsonTradeInMapper.INSTANCE.toResponse(evaluation, ImportReport.EMPTY, USD, List.of()));

    assertThat(text)
        .startsWith("{\"currency\":\"USD\",\"product\":\"ACD\",")
        .contains("\"networkSeats\":1,\"namedSeats\":2,\"users\":2,\"options\":[")
        .contains("{\"choice\":\"keep\",\"annualTotal\":2000.00,\"reason\":\"k\"}")
        .contains("\"cheapest\":\"retire\"")
        .contains("\"eligibility\":\"the catalog states no network retirement or trade-in dates\"")
        .doesNotContain("peakConcurrency");
  }
}
