package dev.seatwise.domain.plan;

import static dev.seatwise.domain.testkit.LicensingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An offering's seating on a day ({@link OfferingSeats#seating}) is the rule its documentation
 * states, worked out here the plain way: its assignees on the day, once per user in the order of
 * the start of their assignment (ties as listed), take the seats of its holdings active that day in
 * plan order; the rest are unseated. On random holdings of one offering whose assignees are
 * sometimes each user once (the seating then lists them without a set) and sometimes include users
 * with two or more assignments, over days before, inside and after the holdings; and the seating
 * an offering keeps from one day to the next ({@link OfferingSeats#on}) is the day's own, on days
 * asked in time order and at random; its seats and whether it is active on a day are its active
 * holdings'; the seats by slot are the seats by user, and each slot's user is the user of that
 * slot.
 */
class OfferingSeatsProperties {
  private static final ProductId OFFERING = ProductId.of("A");
  private static final LocalDate ORIGIN = LocalDate.of(2025, 1, 1);

  @Test
  void theSeatingOfADayIsThePlainRulesOnPoolsWithAndWithoutRepeatedUsers() {
    qt().withExamples(400)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              boolean repeats = r.nextBoolean();
              int users = 1 + r.nextInt(8);
              List<SeatHolding> holdings = new ArrayList<>();
              int count = 1 + r.nextInt(3);
              for (int h = 0; h < count; h++) {
                LocalDate start = ORIGIN.plusDays(r.nextInt(60));
                LocalDate end = start.plusDays(1 + r.nextInt(Term.ANNUAL.months() * 28));
                List<Assignee> assignees = new ArrayList<>();
                for (int u = 0; u < users; u++) {
                  if (r.nextInt(4) == 0) {
                    continue;
                  }
                  int times = repeats ? 1 + r.nextInt(2) : 1;
                  for (int t = 0; t < times; t++) {
                    LocalDate from = ORIGIN.plusDays(r.nextInt(200));
                    assignees.add(
                        new Assignee(UserId.of("u" + u), from, from.plusDays(1 + r.nextInt(200))));
                  }
                }
                holdings.add(
                    new SeatHolding("h" + h, OFFERING, Term.ANNUAL, start, end, r.nextInt(4),
                        usd("10.00"), assignees));
              }
              if (!repeats) {
                // each user once in the whole pool: keep a user's first assignment only
                Set<UserId> seen = new LinkedHashSet<>();
                for (int h = 0; h < holdings.size(); h++) {
                  SeatHolding s = holdings.get(h);
                  List<Assignee> once = new ArrayList<>();
                  for (Assignee a : s.assignees()) {
                    if (seen.add(a.user())) {
                      once.add(a);
                    }
                  }
                  holdings.set(h, new SeatHolding(s.id(), s.offering(), s.term(), s.start(),
                      s.end(), s.seats(), s.pricePerSeat(), once));
                }
              }
              Plan plan = new Plan(Currency.getInstance("USD"), holdings, List.of(), List.of());
              OfferingSeats o = OfferingSeats.of(plan).get(0);
              for (int d = -5; d < 420; d += 1 + r.nextInt(9)) {
                LocalDate day = ORIGIN.plusDays(d);
                long seats = 0;
                boolean active = false;
                for (SeatHolding h : holdings) {
                  if (h.isActiveOn(day)) {
                    seats += h.seats();
                    active = true;
                  }
                }
                assertThat(o.seatsOn(day)).as("seed %s day %s", seed, day).isEqualTo(seats);
                assertThat(o.isActiveOn(day)).isEqualTo(active);
                OfferingSeats.Seating actual = o.seating(day);
                OfferingSeats.Seating expected = plainSeating(holdings, day);
                assertThat(actual.unseated()).as("seed %s day %s", seed, day)
                    .isEqualTo(expected.unseated());
                assertThat(actual.seated().keySet()).isEqualTo(expected.seated().keySet());
                expected.seated().forEach(
                    (u, at) -> assertThat(actual.seated().get(u)).containsExactly(at));
                // by slot: the same seats, none for an assignee who is not seated
                assertThat(actual.bySlot().length).isEqualTo(o.slotCount());
                for (UserId u : o.assignees()) {
                  assertThat(actual.userOf(o.slotOf(u))).isEqualTo(u);
                  int[] bySlot = actual.bySlot()[o.slotOf(u)];
                  if (expected.seated().containsKey(u)) {
                    assertThat(bySlot).containsExactly(expected.seated().get(u));
                  } else {
                    assertThat(bySlot).isNull();
                  }
                }
                assertThat(o.slotOf(UserId.of("nobody"))).isEqualTo(-1);
              }
              // the kept seating (on): reused between days with no start or end between them,
              // on days asked in time order (as windows come) and at random
              List<LocalDate> days = new ArrayList<>();
              for (int d = -5; d < 420; d += 1 + r.nextInt(5)) {
                days.add(ORIGIN.plusDays(d));
              }
              if (r.nextBoolean()) {
                java.util.Collections.shuffle(days, r);
              }
              for (LocalDate day : days) {
                OfferingSeats.Seating kept = o.on(day);
                OfferingSeats.Seating expected = plainSeating(holdings, day);
                assertThat(kept.unseated()).as("seed %s day %s (kept)", seed, day)
                    .isEqualTo(expected.unseated());
                assertThat(kept.seated().keySet()).isEqualTo(expected.seated().keySet());
                expected.seated().forEach(
                    (u, at) -> assertThat(kept.seated().get(u)).containsExactly(at));
              }
            });
  }

  /** The rule by sets and sorts: no fast path. */
  private static OfferingSeats.Seating plainSeating(List<SeatHolding> holdings, LocalDate day) {
    // every assignment, in the order of its start; ties in the order listed (holding, then list)
    List<Assignee> pool = new ArrayList<>();
    for (SeatHolding h : holdings) {
      for (Assignee a : h.assignees()) {
        if (!pool.contains(a)) {
          pool.add(a);
        }
      }
    }
    pool.sort((a, b) -> a.from().compareTo(b.from()));
    Set<UserId> members = new LinkedHashSet<>();
    for (Assignee a : pool) {
      if (a.isAssignedOn(day)) {
        members.add(a.user());
      }
    }
    // the seats of the active holdings, in plan order, one after another
    List<int[]> seats = new ArrayList<>();
    for (int k = 0; k < holdings.size(); k++) {
      if (holdings.get(k).isActiveOn(day)) {
        for (int s = 0; s < holdings.get(k).seats(); s++) {
          seats.add(new int[] {k, s});
        }
      }
    }
    Map<UserId, int[]> seated = new HashMap<>();
    List<UserId> unseated = new ArrayList<>();
    int next = 0;
    for (UserId u : members) {
      if (next < seats.size()) {
        seated.put(u, seats.get(next++));
      } else {
        unseated.add(u);
      }
    }
    return new OfferingSeats.Seating(seated, unseated);
  }
}
