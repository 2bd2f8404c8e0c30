package dev.seatwise.application.service;

import static com.google.common.base.Preconditions.checkArgument;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.tokens.TokenCharge;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The Flex burn that lots must pay for, shared by the forecast and the renewal review: charges
 * within a period (which of them no seat covers is the domain's {@code plan.SeatCover}), their
 * daily totals, and evenly spread projections of a burn rate as daily ledger charges.
 */
final class FlexBurn {
  private FlexBurn() {}

  /** Charges that start in the period (continuation windows past its end belong to the next). */
  static List<Charge> within(List<Charge> charges, AnalysisPeriod period) {
    Instant start = period.startInstant();
    Instant end = period.endInstant();
    List<Charge> out = new ArrayList<>();
    for (Charge c : charges) {
      if (!c.start().isBefore(start) && c.start().isBefore(end)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Tokens charged on each day of the period (index 0 = its first day), by the day a charge starts. */
  static long[] dailyTotals(List<Charge> charges, AnalysisPeriod period) {
    long[] daily = new long[Math.toIntExact(period.days())];
    for (Charge c : within(charges, period)) {
      LocalDate day = c.start().atZone(period.zone()).toLocalDate();
      int i = (int) ChronoUnit.DAYS.between(period.from(), day);
      daily[i] = Math.addExact(daily[i], c.tokens());
    }
    return daily;
  }

  /** The charges as ledger charges, referenced {@code user/product}. */
  static List<TokenCharge> ledgerCharges(List<Charge> charges) {
    List<TokenCharge> out = new ArrayList<>(charges.size());
    for (Charge c : charges) {
      out.add(new TokenCharge(c.start(), c.tokens(), c.user() + "/" + c.product()));
    }
    return out;
  }

  /**
   * A burn of {@code tokens} per {@code perDays} days, spread evenly over {@code days} days from
   * {@code from}: one charge at the start of each day (in {@code zone}), day {@code k} charging
   * {@code floor(tokens (k+1) / perDays) - floor(tokens k / perDays)}, so the first {@code n} days
   * charge {@code floor(tokens n / perDays)} in all. Days that charge nothing are left out.
   */
  static List<TokenCharge> spread(
      long tokens, long perDays, LocalDate from, long days, ZoneId zone, String reference) {
    checkArgument(tokens >= 0 && perDays > 0 && days >= 0, "bad spread %s/%s over %s", tokens, perDays, days);
    List<TokenCharge> out = new ArrayList<>();
    long before = 0;
    for (long k = 0; k < days; k++) {
      long upTo = cumulative(tokens, perDays, k + 1);
      long today = upTo - before;
      before = upTo;
      if (today > 0) {
        LocalDate day = from.plusDays(k);
        out.add(new TokenCharge(day.atStartOfDay(zone).toInstant(), today, reference + " " + day));
      }
    }
    return out;
  }

  /** {@code floor(tokens n / perDays)} without overflow. */
  static long cumulative(long tokens, long perDays, long n) {
    return BigInteger.valueOf(tokens)
        .multiply(BigInteger.valueOf(n))
        .divide(BigInteger.valueOf(perDays))
        .longValueExact();
  }

  /** The instant just before the start of {@code day}: a balance "at the close of the previous day". */
  static Instant closeBefore(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant().minusNanos(1);
  }
}
