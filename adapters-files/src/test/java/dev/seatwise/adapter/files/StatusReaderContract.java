package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.SeatCheckout;
import dev.seatwise.application.port.out.SeatSnapshot;
import dev.seatwise.application.port.out.UsageImportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every licence-manager status reader must do, run against a real sample and a corrupt
 * variant of it: be detected from its text; read the real sample with no rejection; count every
 * row of the corrupt one (rows read = accepted + rejected) with the reasons given; never list more
 * in check-outs than in use; give one session per check-out of a single snapshot; withhold hosts in
 * privacy mode; stop at the first bad row in strict mode.
 */
abstract class StatusReaderContract {
  /** The real sample, a test resource. */
  abstract String sample();

  /** The sample with lines damaged on purpose. */
  abstract String corrupt();

  abstract ImportFormat format();

  /** Rows in the real sample (all accepted). */
  abstract long sampleRows();

  /** The corrupt variant's rejections, as {@link Imports#rejections}. */
  abstract List<String> corruptRejections();

  /** Rows the corrupt variant accepts. */
  abstract long corruptAccepted();

  /**
   * The notes the real sample earns besides the one on its date (e.g. LM-X's unlimited features);
   * none unless a reader says.
   */
  List<String> sampleNotes() {
    return List.of();
  }

  /** Whether the output carries its own time (otherwise snapshots take the file's time). */
  boolean datesItself() {
    return false;
  }

  @Test
  void isDetectedFromItsText() {
    assertThat(FormatDetector.detect(Fixtures.path(sample()))).isEqualTo(format());
    assertThat(FormatDetector.detect(Fixtures.path(corrupt()))).isEqualTo(format());
  }

  @Test
  void theRealSampleIsReadWithoutRejection() {
    FileImport i = Imports.read(sample());
    FileReport r = Imports.report(i);
    assertThat(r.format()).isEqualTo(format().label());
    assertThat(Imports.rejections(i)).isEmpty();
    assertThat(r.rowsRead()).isEqualTo(sampleRows()).isEqualTo(r.accepted());
    assertThat(i.usage().snapshots()).isNotEmpty();
    assertThat(i.notes()).extracting(ImportNote::message)
        .filteredOn(m -> !m.contains("last-modified time")).containsExactlyElementsOf(sampleNotes());
  }

  @Test
  void theCorruptVariantCountsEveryRowAndSaysWhy() {
    FileImport i = Imports.read(corrupt());
    FileReport r = Imports.report(i);
    assertThat(Imports.rejections(i)).containsExactlyElementsOf(corruptRejections());
    assertThat(r.accepted()).isEqualTo(corruptAccepted());
    assertThat(r.rowsRead()).isEqualTo(r.accepted() + r.rejected());
    assertThat(r.rejections()).allSatisfy(x -> {
      assertThat(x.line()).isPositive();
      assertThat(x.reason()).isNotBlank();
    });
  }

  @Test
  void strictModeStopsAtTheFirstBadRow() {
    assertThatThrownBy(() -> Imports.read(corrupt(), ImportOptions.defaults().withStrict(true)))
        .isInstanceOf(UsageImportException.class)
        .hasMessageContaining(corruptRejections().get(0).split(" ")[0]);
  }

  @Test
  void checkOutsNeverHoldMoreThanInUse() {
    for (SeatSnapshot s : Imports.read(sample()).usage().snapshots()) {
      long held = s.checkouts().stream().mapToLong(SeatCheckout::count).sum();
      assertThat(held).as(s.feature()).isLessThanOrEqualTo(s.inUse());
    }
  }

  @Test
  void eachCheckOutOfASingleSnapshotGivesOneSession() {
    FileImport i = Imports.read(sample());
    long checkouts = i.usage().snapshots().stream()
        .filter(s -> s.pool().isEmpty() || !s.feature().contains(":"))
        .mapToLong(s -> s.checkouts().size()).sum();
    assertThat(i.usage().log().sessions().size() + i.usage().unmapped().size()).isEqualTo(checkouts);
    assertThat(checkouts).isPositive();
  }

  @Test
  void eachSessionOfASingleSnapshotHoldsItsCheckOutsUnits() {
    // a check-out of N licences, tokens or cores is one session of N units: its units reach the
    // concurrency analysis through heldUnits, recorded only where they are not 1
    FileImport i = Imports.read(sample());
    long units = i.usage().snapshots().stream()
        .filter(s -> s.pool().isEmpty() || !s.feature().contains(":"))
        .flatMap(s -> s.checkouts().stream()).mapToLong(SeatCheckout::count).sum();
    var lookup = i.usage().sessionUnits();
    long held = 0;
    for (var session : i.usage().log().sessions()) {
      held += lookup.take(session);
    }
    for (var session : i.usage().unmapped()) {
      held += lookup.take(session);
    }
    assertThat(held).isEqualTo(units);
    assertThat(i.usage().heldUnits()).allSatisfy(h -> assertThat(h.units()).isNotEqualTo(1));
  }

  @Test
  void privacyModeWithholdsHosts() {
    FileImport i = Imports.read(sample(), ImportOptions.defaults().withPrivacy(true));
    assertThat(i.usage().snapshots()).flatMap(SeatSnapshot::checkouts)
        .isNotEmpty().allSatisfy(c -> assertThat(c.host()).isEmpty());
  }

  @Test
  void anUndatedOutputIsDatedByTheFileTimeWithANote(@TempDir Path dir) throws IOException {
    Instant t = Instant.parse("2024-05-06T07:08:09Z");
    FileImport i = withFileTime(dir, "status.txt", t);
    if (datesItself()) {
      assertThat(i.usage().snapshots()).allSatisfy(s -> assertThat(s.at()).isNotEqualTo(t));
      assertThat(i.notes()).isEmpty();
    } else {
      assertThat(i.usage().snapshots()).allSatisfy(s -> assertThat(s.at()).isEqualTo(t));
      assertThat(i.notes()).filteredOn(n -> !sampleNotes().contains(n.message()))
          .singleElement().asString().contains("last-modified time " + t);
    }
  }

  /**
   * A file time outside the plausible dates (here the epoch, as an archive may leave it) dates
   * nothing: every row of the undated snapshot is rejected, naming the field, and none is lost.
   */
  @Test
  void anImplausibleFileTimeDatesNothingAndRejectsEveryRow(@TempDir Path dir) throws IOException {
    FileImport i = withFileTime(dir, "status.txt", Instant.EPOCH);
    FileReport r = Imports.report(i);
    assertThat(r.rowsRead()).isEqualTo(sampleRows()).isEqualTo(r.accepted() + r.rejected());
    if (datesItself()) {
      assertThat(r.rejected()).isZero();
      return;
    }
    assertThat(r.accepted()).isZero();
    assertThat(r.rejections()).allSatisfy(x -> {
      assertThat(x.file()).isEqualTo(dir.resolve("status.txt").toString());
      assertThat(x.line()).isPositive();
      assertThat(x.field()).isEqualTo("last-modified");
      assertThat(x.reason()).startsWith("the output prints no date and the file's last-modified time"
          + " 1970-01-01T00:00:00Z is outside the plausible dates 1990-01-01 to 2100-12-31");
    });
    assertThat(i.usage().snapshots()).isEmpty();
    assertThat(i.usage().log().sessions()).isEmpty();
    assertThat(i.usage().unmapped()).isEmpty();
  }

  /** The sample read from a copy {@code name} in {@code dir} whose last-modified time is {@code time}. */
  FileImport withFileTime(Path dir, String name, Instant time) throws IOException {
    Path f = dir.resolve(name);
    Files.copy(Fixtures.path(sample()), f);
    Files.setLastModifiedTime(f, FileTime.from(time));
    return FileUsageAdapter.readFile(f, Fixtures.resolver());
  }

  @Test
  void aDateLineBeforeTheOutputDatesTheSnapshot(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("status.txt");
    Files.writeString(f, "2024-05-06T07:08:09+02:00\n" + Files.readString(Fixtures.path(sample())));
    FileImport i = FileUsageAdapter.readFile(f, Fixtures.resolver());
    assertThat(i.usage().snapshots()).allSatisfy(s -> assertThat(s.at()).isEqualTo("2024-05-06T05:08:09Z"));
    assertThat(Imports.report(i).rejected()).isZero();
  }
}
