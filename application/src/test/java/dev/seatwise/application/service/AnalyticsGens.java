package dev.seatwise.application.service;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.tokens.TokenLot;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;

/** QuickTheories generators of usage and lots for the analytics properties (UTC throughout). */
final class AnalyticsGens {
  private AnalyticsGens() {}

  private static final List<ProductId> PRODUCTS =
      List.of(AnalyticsFixtures.ACD, AnalyticsFixtures.RVT, AnalyticsFixtures.C3D);

  /**
   * A session of one of {@code users} users (u0, u1, ...) on ACD, RVT or C3D, starting at any minute
   * of the {@code days} days from {@code from} and lasting 1 minute to 30 hours.
   */
  static Gen<Session> sessions(LocalDate from, int days, int users) {
    Instant origin = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    return integers()
        .between(0, users - 1)
        .zip(
            integers().between(0, PRODUCTS.size() - 1),
            integers().between(0, days * 24 * 60 - 1),
            integers().between(1, 30 * 60),
            (u, p, minute, length) -> {
              Instant start = origin.plus(Duration.ofMinutes(minute));
              return new Session(
                  UserId.of("u" + u), PRODUCTS.get(p), start, start.plus(Duration.ofMinutes(length)));
            });
  }

  static Gen<List<Session>> usage(LocalDate from, int days, int users, int maxSessions) {
    return lists().of(sessions(from, days, users)).ofSizeBetween(0, maxSessions);
  }

  /**
   * Lots bought at midnight between {@code before} days before and {@code after} days after {@code
   * day}, of 1 to 2,000 tokens at 2.70, valid for one year.
   */
  static Gen<List<TokenLot>> lots(LocalDate day, int before, int after, int maxLots) {
    Gen<TokenLot> lot =
        integers()
            .between(-before, after)
            .zip(
                integers().between(1, 2000),
                integers().between(0, 1_000_000),
                (offset, size, id) -> {
                  LocalDate bought = day.plusDays(offset);
                  return new TokenLot(
                      "L" + id + "-" + offset,
                      bought.atStartOfDay(ZoneOffset.UTC).toInstant(),
                      size,
                      AnalyticsFixtures.perToken("2.70"),
                      bought.plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                });
    return lists().of(lot).ofSizeBetween(0, maxLots);
  }

  private static final List<ProductId> OFFERINGS =
      List.of(
          AnalyticsFixtures.ACD, AnalyticsFixtures.RVT, AnalyticsFixtures.C3D, AnalyticsFixtures.AEC);

  /**
   * Seats of ACD, RVT, C3D or AEC assigned to some of {@code users} users, one subscription per
   * offering ending between 30 days before and 400 days after {@code asOf} (some with a negotiated
   * price), and lots around {@code asOf}.
   */
  static Gen<Entitlements> entitlements(LocalDate asOf, int users) {
    Gen<SeatAssignment> seat =
        integers()
            .between(0, users - 1)
            .zip(
                integers().between(0, OFFERINGS.size() - 1),
                (u, o) -> new SeatAssignment(UserId.of("u" + u), OFFERINGS.get(o)));
    Gen<List<Integer>> ends = lists().of(integers().between(-30, 400)).ofSize(OFFERINGS.size());
    Gen<List<Integer>> negotiated = lists().of(integers().between(0, 4000)).ofSize(OFFERINGS.size());
    return lists()
        .of(seat)
        .ofSizeBetween(0, 2 * users)
        .zip(
            ends,
            negotiated,
            lots(asOf, 300, 30, 3),
            (seats, e, n, lots) -> {
              List<Subscription> subs = new ArrayList<>();
              for (int i = 0; i < OFFERINGS.size(); i++) {
                LocalDate end = asOf.plusDays(e.get(i));
                Optional<dev.seatwise.domain.money.Money> price =
                    n.get(i) % 2 == 0
                        ? Optional.empty()
                        : Optional.of(AnalyticsFixtures.usd(n.get(i) + ".00"));
                subs.add(
                    new Subscription(
                        "S" + i, OFFERINGS.get(i), 5, Term.ANNUAL, end.minusYears(1), end, price));
              }
              return new Entitlements(subs, seats, lots);
            });
  }
}
