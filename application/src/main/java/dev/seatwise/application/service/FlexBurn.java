package dev.seatwise.application.service;

import static com.google.common.base.Preconditions.checkArgument;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.tokens.TokenCharge;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The Flex burn that lots must pay for, in the forecast: the access windows within a period (by
 * column, a {@link WindowTable} in start order; which of them no seat covers is the domain's {@code
 * plan.SeatCover}), their daily totals, and evenly spread projections of a burn rate as daily
 * ledger charges.
 */
final class FlexBurn {
  private FlexBurn() {}

  /** The windows that start in the period (continuation windows past its end belong to the next). */
  static WindowTable within(WindowTable windows, AnalysisPeriod period) {
    return windows.startingIn(
        WindowTable.saturatedNanos(period.startInstant()),
        WindowTable.saturatedNanos(period.endInstant()));
  }

  /**
   * Tokens charged on each day of the period (index 0 = its first day), by the day (in the
   * period's zone) a window starts; windows outside the period count nowhere.
   */
  static long[] dailyTotals(WindowTable windows, AnalysisPeriod period) {
    int days = Math.toIntExact(period.days());
    long[] daily = new long[days];
    WindowTable in = within(windows, period);
    int i = 0;
    for (int d = 0; d < days; d++) {
      // windows are in start order: those before the next day's start are this day's
      long next =
          WindowTable.saturatedNanos(
              period.from().plusDays(d + 1L).atStartOfDay(period.zone()).toInstant());
      long sum = 0;
      for (; i < in.size() && in.startNanos(i) < next; i++) {
        sum = Math.addExact(sum, in.tokens(i));
      }
      daily[d] = sum;
    }
    return daily;
  }

  /** The windows as ledger charges (in their order), referenced {@code user/product}. */
  static List<TokenCharge> ledgerCharges(WindowTable windows) {
    List<TokenCharge> out = new ArrayList<>(windows.size());
    for (int i = 0; i < windows.size(); i++) {
      out.add(
          new TokenCharge(
              windows.start(i), windows.tokens(i), windows.user(i) + "/" + windows.product(i)));
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
