package dev.seatwise.adapter.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.adapter.cli.ImportObserver;
import dev.seatwise.adapter.cli.Inputs;
import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.out.ImportReport;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Usage handed over to its last reader (the comparison, the review, the sensitivity) and then read
 * again (a tight heap's sensitivity reads the files once per change of usage) is the same usage,
 * and the import observer hears of the files, their notes and the report once.
 */
class UsageReadAgainTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  /** Everything the observer hears, in order. */
  private static final class Heard implements ImportObserver {
    final List<String> events = new ArrayList<>();

    @Override
    public void reading(String file, long bytes) {
      events.add("reading " + file);
    }

    @Override
    public void read(String file) {
      events.add("read " + file);
    }

    @Override
    public void note(String message) {
      events.add("note " + message);
    }

    @Override
    public void otherFiles(ImportReport report) {
      events.add("other files " + report);
    }

    @Override
    public void usageRead(ImportReport report) {
      events.add("usage read " + report);
    }
  }

  private static final CompareScenariosQuery QUERY = CompareScenariosQuery.of(PeriodSpec.DATA_SPAN_UTC);

  /** A FlexLM log with the example's identity map, read in UTC, heard by {@code observer}. */
  private static Inputs logWithIdentities(Path log, ImportObserver observer) {
    return new Inputs(
        List.of(log), Optional.empty(), "autodesk", List.of(), List.of(),
        Optional.of(EXAMPLES.resolve("acme-identities.csv")), ZoneOffset.UTC, false, false,
        Map.of(), observer);
  }

  @Test
  void usageReadAgainAfterItWasHandedOverIsTheSameAndTheObserverHearsOfItOnce() {
    Heard heard = new Heard();
    Inputs inputs = logWithIdentities(EXAMPLES.resolve("acme-adskflex.log"), heard);
    Wiring wiring = new Wiring();
    Comparison first = wiring.compareScenarios(inputs).compare(QUERY); // reads, then hands over
    List<String> once = List.copyOf(heard.events);
    Comparison again = wiring.compareScenarios(inputs).compare(QUERY); // reads the files again
    assertThat(once).anyMatch(e -> e.startsWith("usage read "));
    assertThat(heard.events).isEqualTo(once);
    assertThat(again).isEqualTo(first);
  }

  @Test
  void aFileThatChangedBeforeItIsReadAgainStopsTheRun(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("adskflex.log");
    java.nio.file.Files.copy(EXAMPLES.resolve("acme-adskflex.log"), log);
    Inputs inputs = logWithIdentities(log, ImportObserver.NONE);
    Wiring wiring = new Wiring();
    wiring.compareScenarios(inputs).compare(QUERY); // reads, then hands over

    // the log grows before the next reader reads it again
    java.nio.file.Files.writeString(log, "# one more line\n", java.nio.file.StandardOpenOption.APPEND);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> wiring.compareScenarios(inputs).compare(QUERY))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageStartingWith(log + " changed while seatwise was reading it (")
        .hasMessageEndingWith("run again once it is complete");
  }
}
