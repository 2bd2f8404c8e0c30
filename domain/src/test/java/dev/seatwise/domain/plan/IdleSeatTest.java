package dev.seatwise.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seats unused for a number of days before a day, worked by hand (history 1 Jan to 1 Apr 2025). */
class IdleSeatTest {
  private static final ProductId ACD = ProductId.of("ACD");
  private static final ProductId RVT = ProductId.of("RVT");
  private static final ProductId AEC = ProductId.of("AECCOL");
  private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  private static final LocalDate AS_OF = LocalDate.of(2025, 4, 1);
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Charge window(String user, ProductId p, String start) {
    Instant s = Instant.parse(start);
    return new Charge(UserId.of(user), p, s, s.plusSeconds(86_400), 7);
  }

  private static SeatAssignment seat(String user, ProductId offering) {
    return new SeatAssignment(UserId.of(user), offering);
  }

  @Test
  void aSeatIsIdleWhenItsUserUsedNothingItCoversForTheDaysGiven() {
    WindowTable windows =
        WindowTable.of(
            List.of(
                // ann: AutoCAD on 1 March; 30 whole days unused (2 to 31 March) before 1 April
                window("ann", ACD, "2025-03-01T09:00:00Z"),
                // ben: Revit on 31 March at 23:30 UTC, 1 April in Berlin: after the history
                window("ben", RVT, "2025-03-31T23:30:00Z"),
                // cy: Revit, which the collection includes, on 30 March
                window("cy", RVT, "2025-03-30T09:00:00Z"),
                // a window before the history is not looked at
                window("dee", ACD, "2024-12-31T09:00:00Z")));
    // eve: one launch under 5 minutes on 20 March (no window): use all the same
    Instant shortLaunch = Instant.parse("2025-03-20T09:00:00Z");
    SessionTable launches =
        SessionTable.of(List.of(new Session(UserId.of("eve"), ACD, shortLaunch, shortLaunch.plusSeconds(120))));

    List<IdleSeat> idle =
        IdleSeat.asOf(
            List.of(seat("ann", ACD), seat("ben", RVT), seat("cy", AEC), seat("dee", ACD), seat("eve", ACD)),
            windows, launches, Map.of(AEC, Set.of(ACD, RVT)), FROM, AS_OF, BERLIN, 30);

    assertThat(idle)
        .containsExactly(
            new IdleSeat(UserId.of("ann"), ACD, Optional.of(LocalDate.of(2025, 3, 1)), 30),
            // ben's only window opened on 1 April in Berlin: no use in the history, 90 days
            new IdleSeat(UserId.of("ben"), RVT, Optional.empty(), 90),
            new IdleSeat(UserId.of("dee"), ACD, Optional.empty(), 90));
    // with 31 days ann is not idle (30 days unused), ben and dee still are
    assertThat(
            IdleSeat.asOf(
                List.of(seat("ann", ACD), seat("ben", RVT), seat("dee", ACD)),
                windows, launches, Map.of(), FROM, AS_OF, BERLIN, 31))
        .extracting(i -> i.user().value())
        .containsExactly("ben", "dee");
    // a history shorter than the days asked for shows nobody idle who never used the seat
    assertThat(
            IdleSeat.asOf(
                List.of(seat("ben", RVT)), windows, launches, Map.of(), LocalDate.of(2025, 3, 15),
                AS_OF, BERLIN, 30))
        .isEmpty();
  }
}
