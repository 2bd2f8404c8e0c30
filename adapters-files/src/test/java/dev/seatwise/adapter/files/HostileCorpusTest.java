package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.seatwise.adapter.files.catalog.LoadedCatalog;
import dev.seatwise.adapter.files.catalog.YamlCatalogAdapter;
import dev.seatwise.application.LicensingException;
import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.ImportReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus (src/test/resources/hostile/, issue 16): each file of manifest.csv is read
 * and its outcome compared with the manifest: rows read, accepted and rejected (read = accepted +
 * rejected always), and a text that must appear in a rejection, a note or the error. Catalogs are
 * loaded and, when they load, used to read catalogs/features.log.
 */
class HostileCorpusTest {
  record Case(String file, String kind, String item, String read, String accepted,
      String rejected, String expect) {
    @Override
    public String toString() {
      return file + " (item " + item + ")";
    }
  }

  static List<Case> cases() {
    try (CsvReader<NamedCsvRecord> csv =
        CsvReader.builder().ofNamedCsvRecord(Fixtures.path("hostile/manifest.csv"))) {
      List<Case> all = new ArrayList<>();
      for (NamedCsvRecord r : csv) {
        all.add(new Case(r.getField("file"), r.getField("kind"), r.getField("issue_item"),
            r.getField("read"), r.getField("accepted"), r.getField("rejected"),
            r.getField("expect")));
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Case> usage() {
    return cases().stream().filter(c -> !c.kind().equals("catalog"));
  }

  static Stream<Case> catalogs() {
    return cases().stream().filter(c -> c.kind().equals("catalog"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usage")
  void everyRowIsAccountedForAndTheReasonNamed(Case c) {
    Path file = Fixtures.path("hostile/" + c.file());
    ImportReport report;
    List<String> texts = new ArrayList<>();
    if (c.kind().equals("usage")) {
      FileImport i = Imports.read("hostile/" + c.file());
      report = i.usage().report();
      i.notes().forEach(n -> texts.add(n.toString()));
    } else {
      FileEntitlements e = new FileEntitlementsAdapter(List.of(UsageSource.of(file)),
          Fixtures.resolver(), ImportOptions.defaults()).read();
      report = e.report();
    }
    FileReport f = report.files().get(0);
    report.rejections().forEach(r -> texts.add(r.toString()));
    assertThat(f.rowsRead()).as("rows read").isEqualTo(Long.parseLong(c.read()));
    assertThat(f.accepted()).as("accepted").isEqualTo(Long.parseLong(c.accepted()));
    assertThat(f.rejections()).as("rejected").hasSize(Integer.parseInt(c.rejected()));
    assertThat(f.rowsRead()).isEqualTo(f.accepted() + f.rejections().size());
    for (var r : f.rejections()) {
      assertThat(r.line()).as("line of " + r).isPositive();
      assertThat(r.reason().length()).as("length of " + r).isLessThan(Limits.MAX_QUOTED_CHARS + 400);
    }
    if (!c.expect().isEmpty()) {
      assertThat(texts).as("rejections and notes").anySatisfy(t -> assertThat(t).contains(c.expect()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogs")
  void implausibleCatalogsAreRefusedWithFileLineAndKey(Case c) {
    Path file = Fixtures.path("hostile/" + c.file());
    assertThatThrownBy(() -> {
      LoadedCatalog catalog = new YamlCatalogAdapter().loadFile(file);
      FileUsageAdapter.readFile(Fixtures.path("hostile/catalogs/features.log"), catalog.resolver());
    })
        .isInstanceOf(LicensingException.class)
        .hasMessageContaining(c.expect())
        .message()
        .satisfies(m -> assertThat(m.length()).isLessThan(Limits.MAX_QUOTED_CHARS + 400));
  }

  @Test
  void theCorpusCoversEveryItemOfIssue16() {
    assertThat(cases().stream().map(Case::item).distinct())
        .contains("1", "2", "4", "5", "8", "9", "10", "11");
  }
}
