package dev.seatwise.domain.metering;

import static dev.seatwise.domain.testkit.LicensingFixtures.flexContext;
import static dev.seatwise.domain.testkit.LicensingGens.sessionLogs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.Session;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Network seats on generated sessions, against a brute-force count at every session start. */
class ConcurrentSeatMeterProperties {
  private final ConcurrentSeatMeter meter = new ConcurrentSeatMeter();

  private static long openAt(List<Session> sessions, Instant t) {
    return sessions.stream().filter(s -> !s.start().isAfter(t) && s.end().isAfter(t)).count();
  }

  @Test
  void eachProductsPeakIsTheMostSessionsOpenAtAnyStartAndAPoolThatSizeRefusesNobody() {
    qt().forAll(sessionLogs())
        .checkAssert(
            usage -> {
              Metering metering = meter.meter(usage, flexContext());
              assertThat(metering.charges()).isEmpty();
              List<ProductId> used =
                  usage.sessions().stream().map(Session::product).distinct().toList();
              assertThat(metering.demands())
                  .extracting(CapacityDemand::pool)
                  .containsExactlyInAnyOrderElementsOf(
                      used.stream().map(ProductId::value).toList());
              for (CapacityDemand demand : metering.demands()) {
                List<Session> own =
                    usage.sessions().stream()
                        .filter(s -> s.product().value().equals(demand.pool()))
                        .toList();
                // the level only rises at a start, so the peak is reached at one
                long peak = 0;
                Instant first = null;
                for (Session s : own) {
                  long open = openAt(own, s.start());
                  if (open > peak || (open == peak && open > 0 && s.start().isBefore(first))) {
                    peak = open;
                    first = s.start();
                  }
                }
                assertThat(demand.peak()).isEqualTo(peak);
                if (peak > 0) {
                  assertThat(demand.peakAt()).isEqualTo(first);
                }
                assertThat(demand.profile().refusalsWithCapacity(peak)).isZero();
                if (peak > 0) {
                  assertThat(demand.profile().refusalsWithCapacity(peak - 1)).isPositive();
                }
              }
            });
  }

  @Test
  void peaksWithoutProfilesAreTheDemandsPeaksAndInstantsInProductOrder() {
    qt().forAll(sessionLogs())
        .checkAssert(
            usage -> {
              List<CapacityDemand> demands = meter.meter(usage, flexContext()).demands();
              List<ConcurrentSeatMeter.Peak> peaks = ConcurrentSeatMeter.peaks(usage);
              assertThat(peaks).extracting(x -> x.product().value())
                  .containsExactlyElementsOf(demands.stream().map(CapacityDemand::pool).toList());
              for (int i = 0; i < peaks.size(); i++) {
                assertThat(peaks.get(i).peak()).isEqualTo(demands.get(i).peak());
                assertThat(peaks.get(i).peakAt()).isEqualTo(demands.get(i).peakAt());
              }
            });
  }
}
