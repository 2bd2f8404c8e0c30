package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValuesProperties {
  @Test
  void theFastUtcParserAgreesWithInstantParse() {
    qt().forAll(SessionGens.instants()).checkAssert(t -> {
      String text = t.toString();
      assertThat(Values.canonicalUtc(text)).isEqualTo(Instant.parse(text));
      assertThat(Values.instant(text, ZoneOffset.UTC)).isEqualTo(t);
    });
  }

  @Test
  void theFastParserLeavesOtherFormsToTheGeneralOne() {
    assertThat(Values.canonicalUtc("2026-03-02T08:00:00+01:00")).isNull();
    assertThat(Values.canonicalUtc("2026-03-02 08:00:00Z")).isNull();
    assertThat(Values.canonicalUtc("2026-03-02T08:00:00.Z")).isNull();
    assertThat(Values.canonicalUtc("2026-03-02T08:0a:00Z")).isNull();
    assertThat(Values.instant("2026-03-02 08:00:00Z", ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
    assertThatThrownBy(() -> Values.instant("2026-02-30T08:00:00Z", ZoneOffset.UTC))
        .hasMessage("not an ISO-8601 date-time: '2026-02-30T08:00:00Z'");
    assertThatThrownBy(() -> Values.instant("2026-03-02T24:00:00Z", ZoneOffset.UTC))
        .hasMessage("not an ISO-8601 date-time: '2026-03-02T24:00:00Z'");
  }

  @Test
  void aPlainIsoDateReadsAsThePatternsReadIt() {
    // YYYY-MM-DD with any digits: valid dates, impossible months and days, implausible years
    qt().forAll(integers().between(0, 9999), integers().between(0, 99), integers().between(0, 99))
        .checkAssert((y, m, d) -> {
          String raw = String.format("%04d-%02d-%02d", y, m, d);
          assertThat(outcome(() -> Values.date(raw))).isEqualTo(outcome(() -> Values.byPattern(raw)));
        });
  }

  /** The date read, or the message of the error. */
  private static String outcome(java.util.function.Supplier<java.time.LocalDate> read) {
    try {
      return read.get().toString();
    } catch (Values.BadValue e) {
      return "error: " + e.getMessage();
    }
  }
}
