package dev.seatwise.domain.optimize.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.plan.Proration;
import dev.seatwise.domain.tokens.PackPricing;
import dev.seatwise.domain.tokens.TokenPack;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pool-aware optima worked by hand: pool capacity sold in packs of 10 at 100.00 a token a year. */
class PoolMixOptimizerTest {
  static final PackPricing TENS = PackPricing.of(List.of(new TokenPack(10, UnitPrice.of("100.00", "USD"))));

  /** A user holding {@code tokens} over each [from, to) hour pair of 3 March 2025 (UTC). */
  static PoolUser user(String name, String named, long tokens, int... hours) {
    List<long[]> seg = new ArrayList<>();
    for (int i = 0; i < hours.length; i += 2) {
      seg.add(new long[] {nanos(hours[i]), nanos(hours[i + 1]), tokens});
    }
    return new PoolUser(UserId.of(name), Optional.ofNullable(named).map(m -> Money.of(m, "USD")),
        seg.stream().mapToLong(s -> s[0]).toArray(), seg.stream().mapToLong(s -> s[1]).toArray(),
        seg.stream().mapToLong(s -> s[2]).toArray());
  }

  static long nanos(int hour) {
    return Instant.parse("2025-03-03T00:00:00Z").plusSeconds(3600L * hour).getEpochSecond() * 1_000_000_000L;
  }

  static PoolMix solve(double refusals, PoolUser... users) {
    return PoolMixOptimizer.solve(new PoolMixProblem(List.of(users), TENS, Proration.FULL_YEAR, refusals, "tokens"));
  }

  @Test
  void cheapTokensKeepEveryoneInThePool() {
    // ann 21 tokens 9-12, bob 21 tokens 9-10:30 (as 9-10), cy 25 tokens 10-11: peak 67 at 10-10 ... 
    // ann+cy = 46 at 10-11, ann+bob = 42 at 9-10: peak 46 -> 5 packs = 5000.00.
    // naming ann (3000.00) would leave 25 -> 3 packs = 3000.00: 6000.00 in all, dearer.
    PoolMix m = solve(0, user("ann", "3000.00", 21, 9, 12), user("bob", "3000.00", 21, 9, 10),
        user("cy", "4000.00", 25, 10, 11));
    assertThat(m.named()).isEmpty();
    assertThat(m.poolTokens()).isEqualTo(46);
    assertThat(m.total()).isEqualTo(Money.of("5000.00", "USD"));
    assertThat(m.proven()).isTrue();
    assertThat(m.choices().get(0).reason()).isEqualTo(
        "holds up to 21 tokens; naming them lowers the pool's need from 46 to 25 tokens: -2000.00 <= named"
            + " 3000.00 (a named seat pays from 30.0 tokens of need freed) -> pool");
  }

  @Test
  void aHeavyUserOnThePeakIsNamed() {
    // five users of 10 tokens 11-12 and one of 50 tokens 11-12: peak 100 -> 10000.00 all in the pool.
    // naming the heavy user (3000.00) halves the peak to 50 -> 5000.00: 8000.00.
    List<PoolUser> users = new ArrayList<>();
    users.add(user("heavy", "3000.00", 50, 11, 12));
    for (int i = 0; i < 5; i++) {
      users.add(user("u" + i, "2000.00", 10, 11, 12));
    }
    PoolMix m = solve(0, users.toArray(PoolUser[]::new));
    assertThat(m.named()).containsExactly(UserId.of("heavy"));
    assertThat(m.poolTokens()).isEqualTo(50);
    assertThat(m.total()).isEqualTo(Money.of("8000.00", "USD"));
    assertThat(m.lowerBound()).isEqualTo(m.total());
    assertThat(m.choices().get(0).reason()).isEqualTo(
        "in the pool they would raise its need from 50 to 100 tokens: +5000.00 >= named 3000.00 -> named");
  }

  @Test
  void aUserNotSoldNamedStaysInThePool() {
    PoolMix m = solve(0, user("ann", null, 80, 9, 10));
    assertThat(m.named()).isEmpty();
    assertThat(m.choices().get(0).reason()).contains("not sold named -> pool");
    assertThat(m.total()).isEqualTo(Money.of("8000.00", "USD"));
  }

  @Test
  void toleratingRefusalsLetsThePoolShrink() {
    // ten users of 10 tokens: nine 9-10, one 10-11 alone... the busiest hour holds 90 tokens.
    // refusing at most 10% of the 10 intervals (one), a pool of 80 refuses one of the nine: 8000.00
    List<PoolUser> users = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      users.add(user("u" + i, "5000.00", 10, 9, 10));
    }
    users.add(user("late", "5000.00", 10, 10, 11));
    assertThat(solve(0, users.toArray(PoolUser[]::new)).total()).isEqualTo(Money.of("9000.00", "USD"));
    PoolMix tolerant = solve(0.10, users.toArray(PoolUser[]::new));
    assertThat(tolerant.poolTokens()).isEqualTo(80);
    assertThat(tolerant.total()).isEqualTo(Money.of("8000.00", "USD"));
    assertThat(tolerant.proven()).isTrue();
  }

  @Test
  void proRatingAppliesOncePerLine() {
    PoolMix m = PoolMixOptimizer.solve(new PoolMixProblem(
        List.of(user("ann", "3000.00", 21, 9, 12)), TENS, Proration.ofDays(73), 0, "units"));
    // 3 packs = 3000.00 a year x 73/365 = 600.00
    assertThat(m.total()).isEqualTo(Money.of("600.00", "USD"));
    assertThat(m.choices().get(0).reason()).contains("21 units");
  }
}
