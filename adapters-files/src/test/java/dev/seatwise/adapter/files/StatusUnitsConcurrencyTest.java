package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.in.ConcurrencyQuery;
import dev.seatwise.application.port.in.ConcurrencyReport;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.ProductConcurrency;
import dev.seatwise.application.service.AnalyzeConcurrencyService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The concurrency of the real LM-X, DSLS and LS-DYNA status samples, in the units their check-outs
 * hold (Altair units, DSLS tokens, LS-DYNA cores): peak, percentiles, time at peak and seats needed
 * all count units. Each sample is read from a copy whose last-modified time dates its one
 * snapshot, so that the check-outs are held for a known time.
 */
class StatusUnitsConcurrencyTest {
  @TempDir Path dir;

  private ConcurrencyReport concurrency(String sample, Instant fileTime, double rate) throws IOException {
    Path f = dir.resolve("status.txt");
    Files.copy(Fixtures.path(sample), f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(f, FileTime.from(fileTime));
    FileImport read = FileUsageAdapter.readFile(f, Fixtures.resolver());
    return new AnalyzeConcurrencyService(read::usage)
        .analyze(new ConcurrencyQuery(new PeriodSpec(Optional.empty(), Optional.empty(), ZoneOffset.UTC), rate));
  }

  private static ProductConcurrency product(ConcurrencyReport r, String name) {
    return r.products().stream().filter(p -> p.product().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void lmxCountsTheAltairUnitsEachCheckOutHolds() throws IOException {
    // GlobalZoneEU: 25,000 units from 09:26 and 15,000 from 09:29, held until the snapshot at 10:29
    ConcurrencyReport r =
        concurrency("status/scania-license-manager-lmx-lmxendutil.txt", Instant.parse("2022-02-18T10:29:00Z"), 0);
    ProductConcurrency zone = product(r, "GlobalZoneEU");
    assertThat(zone.inUnits()).isTrue();
    assertThat(zone.sessions()).isEqualTo(2);
    assertThat(zone.peak()).isEqualTo(40_000);
    assertThat(zone.peakAt()).contains(Instant.parse("2022-02-18T09:29:00Z"));
    // 3 minutes at 25,000, 60 at 40,000: every percentile above 5% is 40,000
    assertThat(new long[] {zone.p50(), zone.p90(), zone.p95()}).containsOnly(40_000L);
    assertThat(zone.timeAtPeak()).isEqualTo(Duration.ofMinutes(60));
    assertThat(zone.seatsForToleratedRefusals()).isEqualTo(40_000);
    assertThat(zone.peakDemand()).isEqualTo(40_000);
    assertThat(product(r, "HWFlux2D").seatsForToleratedRefusals()).isEqualTo(30_000);
    assertThat(product(r, "HyperWorks").seatsForToleratedRefusals()).isEqualTo(25_000);
    assertThat(product(r, "CatiaV5Reader").inUnits()).isFalse();
    assertThat(r.notes()).anyMatch(n -> n.startsWith("peak, percentiles, time at peak and seats needed"
        + " count units, not sessions, for [GlobalZoneEU, HWFlux2D, HyperWorks]"));
  }

  @Test
  void toleratingOneRefusalInTwoTheLmxPoolNeedsTheSmallerCheckOutOnly() {
    // the replay in start order: a pool of 15,000 refuses the 25,000 of 09:26 and admits the
    // 15,000 of 09:29; any smaller pool refuses both. The 40,000 seen in use is no floor here
    assertThat(
            product(
                    concurrencyUnchecked(
                        "status/scania-license-manager-lmx-lmxendutil.txt",
                        Instant.parse("2022-02-18T10:29:00Z"), 0.5),
                    "GlobalZoneEU")
                .seatsForToleratedRefusals())
        .isEqualTo(15_000);
  }

  private ConcurrencyReport concurrencyUnchecked(String sample, Instant t, double rate) {
    try {
      return concurrency(sample, t, rate);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void dslsCountsTheTokensEachCheckOutHolds() throws IOException {
    // SRU: 493 tokens from 17:59:34, 533 from 18:48:17 and 533 from 18:49:49, until 19:49:49
    ConcurrencyReport r =
        concurrency("status/scania-license-manager-dsls-dslicsrv.txt", Instant.parse("2024-09-17T19:49:49Z"), 0);
    ProductConcurrency sru = product(r, "SRU");
    assertThat(sru.inUnits()).isTrue();
    assertThat(sru.sessions()).isEqualTo(3);
    assertThat(sru.peak()).isEqualTo(1_559);
    assertThat(sru.timeAtPeak()).isEqualTo(Duration.ofHours(1));
    // busy 1h50m15s: 493 for 48m43s, 1,026 for 1m32s, 1,559 for 1h (54%)
    assertThat(sru.p50()).isEqualTo(1_559);
    assertThat(sru.p90()).isEqualTo(1_559);
    assertThat(sru.seatsForToleratedRefusals()).isEqualTo(1_559);
    assertThat(product(r, "PW7").seatsForToleratedRefusals()).isEqualTo(2);
  }

  @Test
  void lsDynaCheckOutsWithoutAStartNeedTheCoresSeenInUse() throws IOException {
    // six MPPDYNA jobs of 80, 80, 80, 80, 80 and 40 cores in one snapshot, with no start time:
    // zero-length sessions hold no time, so seats needed are the 440 cores seen held at once
    ConcurrencyReport r =
        concurrency("status/scania-license-manager-lsdyna-lstc_qrun.txt", Instant.parse("2022-06-01T12:00:00Z"), 0);
    ProductConcurrency mpp = product(r, "MPPDYNA");
    assertThat(mpp.inUnits()).isTrue();
    assertThat(mpp.sessions()).isEqualTo(6);
    assertThat(mpp.distinctUsers()).isEqualTo(4);
    assertThat(mpp.peak()).isEqualTo(440);
    assertThat(mpp.p95()).isZero();
    assertThat(mpp.seatsForToleratedRefusals()).isEqualTo(440);
    // the snapshot's figures decide at any rate: there is nothing to replay
    ConcurrencyReport tolerant =
        concurrency("status/scania-license-manager-lsdyna-lstc_qrun.txt", Instant.parse("2022-06-01T12:00:00Z"), 0.1);
    assertThat(product(tolerant, "MPPDYNA").seatsForToleratedRefusals()).isEqualTo(440);
    assertThat(r.notes()).anyMatch(n -> n.startsWith("seats needed are the units seen in use at once in a"
        + " status snapshot for [LICENSE GROUP, MPPDYNA]"));
  }
}
