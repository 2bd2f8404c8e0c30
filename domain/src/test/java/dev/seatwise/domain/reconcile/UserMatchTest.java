package dev.seatwise.domain.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserMatchTest {
  private static final ProductId ACD = ProductId.of("ACD");
  private static final LocalDate DAY = LocalDate.of(2025, 3, 3);
  private static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");

  private static UserId u(String name) {
    return UserId.of(name);
  }

  @Test
  void thePeopleNamedOnOneSideOnlyAreListedSortedWhateverTheDates() {
    ChargeTable charged =
        ChargeTable.of(
            List.of(
                new ChargedDay(DAY, u("zoe@x.com"), ACD, 7),
                new ChargedDay(DAY, u("ann@x.com"), ACD, 7),
                new ChargedDay(DAY.minusYears(3), u("bob@x.com"), ACD, 7), // long ago still counts
                new ChargedDay(DAY, u("cy@x.com"), ACD, 7)));
    SessionTable sessions =
        SessionTable.of(
            List.of(
                new Session(u("ann@x.com"), ACD, NINE, NINE.plusSeconds(3600)),
                new Session(u("ann"), ACD, NINE, NINE.plusSeconds(3600)), // a login, not an e-mail
                new Session(u("bob@x.com"), ACD, NINE, NINE.plusSeconds(3600))));
    List<DailyUsage> days = List.of(new DailyUsage(u("dee@x.com"), ACD, DAY));

    UserMatch m = UserMatch.of(charged, sessions, days);

    assertThat(m.charged()).isEqualTo(4);
    assertThat(m.used()).isEqualTo(4);
    assertThat(m.chargedWithoutUsage()).containsExactly(u("cy@x.com"), u("zoe@x.com"));
    assertThat(m.usedWithoutCharge()).containsExactly(u("ann"), u("dee@x.com"));
    assertThat(m.allMatched()).isFalse();
    assertThat(UserMatch.of(ChargeTable.of(List.of(new ChargedDay(DAY, u("ann@x.com"), ACD, 7))),
            SessionTable.of(List.of(new Session(u("ann@x.com"), ACD, NINE, NINE.plusSeconds(60)))),
            List.of())
        .allMatched())
        .isTrue();
  }
}
