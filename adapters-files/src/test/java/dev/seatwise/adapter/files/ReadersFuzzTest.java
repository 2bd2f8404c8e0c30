package dev.seatwise.adapter.files;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.seatwise.application.LicensingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz targets, one per reader (issue 16): whatever the bytes, a reader either reports every row
 * as accepted or rejected (read = accepted + rejected) or refuses the file with a {@link
 * LicensingException}; anything else (a NumberFormatException, an OutOfMemoryError, a hang) is a
 * finding. Under plain {@code mvn test} each runs its seeds (src/test/resources/dev/seatwise/
 * adapter/files/ReadersFuzzTestInputs/) and the findings kept there as regressions; {@code
 * fuzz/run [seconds]} fuzzes each for real.
 */
class ReadersFuzzTest {
  private static Path dir;

  @BeforeAll
  static void folder() throws IOException {
    dir = Files.createTempDirectory("seatwise-fuzz");
  }

  @AfterAll
  static void cleanUp() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir);
  }

  /**
   * All readers and the catalog parser in one target (the first byte picks which), the one CI
   * fuzzes for a short budget in the surefire execution {@code fuzz-ci}.
   */
  @FuzzTest(maxDuration = "10s")
  void anyFormat(byte[] data) {
    if (data.length == 0) {
      return;
    }
    byte[] rest = java.util.Arrays.copyOfRange(data, 1, data.length);
    int pick = Math.floorMod(data[0], 10);
    switch (pick) {
      case 0 -> usage(rest, ImportFormat.SESSIONS_CSV);
      case 1 -> usage(rest, ImportFormat.AUTODESK_USAGE_EXPORT);
      case 2 -> usage(rest, ImportFormat.AUTODESK_USAGE_REPORT);
      case 3 -> usage(rest, ImportFormat.AUTODESK_TOKEN_USAGE);
      case 4 -> usage(rest, ImportFormat.FLEXLM_LOG);
      case 5 -> usage(rest, ImportFormat.LMSTAT);
      case 6 -> entitlements(rest, ImportFormat.AUTODESK_SUBSCRIPTIONS);
      case 7 -> entitlements(rest, ImportFormat.AUTODESK_USERS);
      case 8 -> dev.seatwise.adapter.files.catalog.CatalogFuzzing.catalog(rest);
      default -> usage(rest, null);
    }
  }

  @FuzzTest(maxDuration = "5s")
  void sessionsCsv(byte[] data) {
    usage(data, ImportFormat.SESSIONS_CSV);
  }

  @FuzzTest(maxDuration = "5s")
  void autodeskUsageExport(byte[] data) {
    usage(data, ImportFormat.AUTODESK_USAGE_EXPORT);
  }

  @FuzzTest(maxDuration = "5s")
  void autodeskUsageReport(byte[] data) {
    usage(data, ImportFormat.AUTODESK_USAGE_REPORT);
  }

  @FuzzTest(maxDuration = "5s")
  void autodeskTokenUsage(byte[] data) {
    usage(data, ImportFormat.AUTODESK_TOKEN_USAGE);
  }

  @FuzzTest(maxDuration = "5s")
  void flexlmLog(byte[] data) {
    usage(data, ImportFormat.FLEXLM_LOG);
  }

  @FuzzTest(maxDuration = "5s")
  void lmstat(byte[] data) {
    usage(data, ImportFormat.LMSTAT);
  }

  @FuzzTest(maxDuration = "5s")
  void detectedFormat(byte[] data) {
    usage(data, null);
  }

  @FuzzTest(maxDuration = "5s")
  void autodeskSubscriptions(byte[] data) {
    entitlements(data, ImportFormat.AUTODESK_SUBSCRIPTIONS);
  }

  @FuzzTest(maxDuration = "5s")
  void autodeskUsers(byte[] data) {
    entitlements(data, ImportFormat.AUTODESK_USERS);
  }

  private static Path write(byte[] data) {
    try {
      Path f = dir.resolve("input");
      Files.write(f, data);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void usage(byte[] data, ImportFormat format) {
    Path f = write(data);
    UsageSource source = format == null ? UsageSource.of(f) : UsageSource.of(f, format);
    try {
      FileImport i = new FileUsageAdapter(List.of(source), Fixtures.resolver(),
          ImportOptions.defaults()).read();
      check(i.usage().report());
    } catch (LicensingException expected) {
      bounded(expected.getMessage());
    }
  }

  private static void entitlements(byte[] data, ImportFormat format) {
    Path f = write(data);
    try {
      FileEntitlements e = new FileEntitlementsAdapter(List.of(UsageSource.of(f, format)),
          Fixtures.resolver(), ImportOptions.defaults()).read();
      check(e.report());
    } catch (LicensingException expected) {
      bounded(expected.getMessage());
    }
  }

  private static void check(dev.seatwise.application.port.out.ImportReport report) {
    for (var file : report.files()) {
      if (file.rowsRead() != file.accepted() + file.rejections().size()) {
        throw new AssertionError("read " + file.rowsRead() + " != accepted " + file.accepted()
            + " + rejected " + file.rejections().size());
      }
      for (var r : file.rejections()) {
        if (r.line() < 1) {
          throw new AssertionError("rejection without a line: " + r);
        }
        bounded(r.reason());
      }
    }
  }

  /** Error texts quote at most {@link Limits#MAX_QUOTED_CHARS} characters of the input. */
  private static void bounded(String message) {
    if (message != null && message.length() > 4 * Limits.MAX_QUOTED_CHARS + 600) {
      throw new AssertionError("an error text of " + message.length() + " characters: "
          + message.substring(0, 300));
    }
  }
}
