package dev.seatwise.adapter.cli;

import dev.seatwise.application.port.out.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Collects what an import says beside its report (notes, entitlement files) and, when standard
 * error is a terminal, shows a progress bar there: megabytes of input read, the file being read and
 * the step under way. Standard output is never touched, so JSON and CSV stay clean. Not
 * thread-safe; one per command run.
 */
final class ImportTracker implements ImportObserver, AutoCloseable {
  private final List<String> notes = new ArrayList<>();
  private ImportReport otherFiles = ImportReport.EMPTY;
  private ImportReport usage = ImportReport.EMPTY;
  private final ProgressBar bar;

  private ImportTracker(ProgressBar bar) {
    this.bar = bar;
  }

  /** A tracker with a progress bar on standard error when it is a terminal. */
  static ImportTracker forFiles(List<Path> files) {
    if (System.console() == null) {
      return new ImportTracker(null);
    }
    long total = 0;
    for (Path f : files) {
      try {
        total += Files.size(f);
      } catch (IOException e) {
        // the reader reports a missing file properly; the bar just knows less
      }
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("Reading")
            .setInitialMax(Math.max(1, total / (1 << 20)))
            .setUnit(" MB", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .setUpdateIntervalMillis(250)
            .build();
    return new ImportTracker(bar);
  }

  /** A tracker that shows nothing (tests, pipes). */
  static ImportTracker silent() {
    return new ImportTracker(null);
  }

  @Override
  public void reading(String file, long bytes) {
    if (bar != null) {
      bar.setExtraMessage(Path.of(file).getFileName().toString());
    }
  }

  @Override
  public void read(String file) {
    if (bar != null) {
      try {
        bar.stepBy(Math.max(0, Files.size(Path.of(file)) / (1 << 20)));
      } catch (IOException | RuntimeException e) {
        // progress only
      }
    }
  }

  /** The step under way after reading (e.g. "optimising"). */
  void step(String what) {
    if (bar != null) {
      bar.stepTo(bar.getMax());
      bar.setExtraMessage(what);
    }
  }

  @Override
  public void note(String message) {
    notes.add(message);
  }

  @Override
  public void otherFiles(ImportReport report) {
    otherFiles = otherFiles.plus(report);
  }

  @Override
  public void usageRead(ImportReport report) {
    usage = report;
    if (bar != null) {
      bar.stepTo(bar.getMax());
      bar.setExtraMessage("read " + report.rowsRead() + " rows; analysing");
    }
  }

  /** Everything read: the usage files, then the others. */
  ImportReport allFiles() {
    return usage.plus(otherFiles);
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  ImportReport otherFilesReport() {
    return otherFiles;
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
