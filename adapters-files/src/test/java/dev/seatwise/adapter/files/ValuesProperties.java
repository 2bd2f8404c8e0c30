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

  @Test
  void aCountReadsAsThePatternReadsIt() {
    // cells of digits (up to 22, past the fast path's 18 and past a long), with now and then a
    // thousands separator, a fraction, a sign, a letter or a space; maxima around the values
    String alphabet = "0123456789000111999,.-+ x";
    qt().forAll(
            integers().between(0, 22),
            integers().between(0, Integer.MAX_VALUE),
            integers().between(0, 3))
        .checkAssert((length, seed, maxKind) -> {
          java.util.Random r = new java.util.Random(seed);
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < length; i++) {
            b.append(r.nextInt(4) > 0
                ? (char) ('0' + r.nextInt(10))
                : alphabet.charAt(r.nextInt(alphabet.length())));
          }
          String raw = b.toString();
          long max = switch (maxKind) {
            case 0 -> Limits.MAX_TOKENS_PER_ROW;
            case 1 -> Long.MAX_VALUE;
            case 2 -> r.nextInt(1000);
            default -> 999_999_999_999_999_999L;
          };
          assertThat(count(() -> Values.count(raw, max)))
              .as("'%s' up to %d", raw, max)
              .isEqualTo(count(() -> Values.countByPattern(raw, max)));
        });
  }

  @Test
  void aCountAtItsMaximumIsReadAndOneAboveIsRejected() {
    assertThat(Values.count("1000", 1000)).isEqualTo(1000);
    assertThat(Values.count("0001000", 1000)).isEqualTo(1000);
    assertThatThrownBy(() -> Values.count("1001", 1000))
        .hasMessage("1001 is above the plausible maximum of 1000");
    assertThatThrownBy(() -> Values.count("7x", 1000)).hasMessage("not a whole number: '7x'");
    assertThat(Values.count("1,000.0", 1000)).isEqualTo(1000);
  }

  /** The count read, or the message of the error. */
  private static String count(java.util.function.LongSupplier read) {
    try {
      return Long.toString(read.getAsLong());
    } catch (Values.BadValue e) {
      return "error: " + e.getMessage();
    }
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
