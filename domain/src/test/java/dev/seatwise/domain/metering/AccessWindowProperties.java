package dev.seatwise.domain.metering;

import static dev.seatwise.domain.testkit.LicensingGens.instants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class AccessWindowProperties {

  /** Window lengths from 1 ns to 48 h, the default 24 h a third of the time. */
  private static Gen<Duration> lengths() {
    return longs()
        .between(1, Duration.ofHours(48).toNanos())
        .map(n -> Duration.ofNanos(n))
        .mix(longs().between(24, 24).map(h -> Duration.ofHours(h)), 33);
  }

  @Test
  void theNextWindowStartsWhereThisOneEnds() {
    qt().forAll(instants(), lengths())
        .checkAssert(
            (start, length) -> {
              AccessWindow w = new AccessWindow(start, length);
              assertThat(w.next().start()).isEqualTo(w.end());
              assertThat(w.next().length()).isEqualTo(length);
              assertThat(Duration.between(w.start(), w.end())).isEqualTo(length);
            });
  }

  @Test
  void aWindowIsHalfOpen() {
    qt().forAll(instants(), lengths())
        .checkAssert(
            (start, length) -> {
              AccessWindow w = new AccessWindow(start, length);
              assertThat(w.contains(start)).isTrue();
              assertThat(w.contains(w.end().minusNanos(1))).isTrue();
              assertThat(w.contains(w.end())).isFalse();
              assertThat(w.contains(start.minusNanos(1))).isFalse();
            });
  }

  @Test
  void everyInstantFromTheStartFallsInExactlyOneOfConsecutiveWindows() {
    qt().forAll(instants(), lengths(), longs().between(0, Long.MAX_VALUE))
        .checkAssert(
            (start, length, random) -> {
              AccessWindow first = new AccessWindow(start, length);
              List<AccessWindow> chain = List.of(first, first.next(), first.next().next());
              long span = length.toNanos() * 3;
              Instant t = start.plusNanos(Math.floorMod(random, span));
              assertThat(chain.stream().filter(w -> w.contains(t)).count()).isEqualTo(1);
            });
  }

  @Test
  void theDefaultWindowIsTwentyFourHours() {
    qt().forAll(instants())
        .checkAssert(
            t -> assertThat(AccessWindow.of(t).end()).isEqualTo(t.plus(Duration.ofHours(24))));
  }
}
