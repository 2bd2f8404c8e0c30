package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.seatwise.adapter.files.catalog.ProductResolver;
import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.domain.catalog.ProductId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast reader reads what the standard sessions reader reads: on random files (Z, offsets,
 * fractions, local times, a space for the T, odd dates left to the standard parser, quoted fields,
 * blank lines, CRLF and CR line ends, a BOM, bad rows of every kind) the sessions, in order, and the
 * row report, with line numbers and reasons, are equal.
 */
class FastSessionsCsvReaderProperties {
  static final ProductResolver RESOLVER =
      ProductResolver.builder()
          .name("ACD", ProductId.of("ACD"))
          .name("AutoCAD", ProductId.of("ACD"))
          .name("RVT", ProductId.of("RVT"))
          .name("Revit", ProductId.of("RVT"))
          .build();
  private static final List<ZoneId> ZONES =
      List.of(ZoneOffset.UTC, ZoneId.of("+02:00"), ZoneId.of("Europe/Berlin"));

  static String randomFile(Random r) {
    StringBuilder sb = new StringBuilder();
    String nl = List.of("\n", "\r\n", "\r").get(r.nextInt(3));
    if (r.nextInt(6) == 0) {
      sb.append('\uFEFF');
    }
    sb.append(r.nextBoolean() ? "user,product,start,end" : "Product, Email ,extra,Start Time,end_time");
    boolean reordered = sb.indexOf("Email") >= 0;
    sb.append(nl);
    int rows = r.nextInt(r.nextInt(5) == 0 ? 3000 : 60) + (r.nextInt(8) == 0 ? 0 : 1);
    Instant base = Instant.parse("2025-01-06T08:00:00Z");
    for (int i = 0; i < rows; i++) {
      if (r.nextInt(15) == 0) {
        sb.append(r.nextBoolean() ? "" : " , ,,").append(nl);
      }
      String user = List.of("ann", " bob ", "cy@example.com", "", "dé", "\"quoted, user\"", "  ")
          .get(r.nextInt(r.nextInt(3) == 0 ? 7 : 3));
      String product = List.of("ACD", "Revit", "autocad", "MAYA", "", "\"RVT\"").get(
          r.nextInt(r.nextInt(4) == 0 ? 6 : 2));
      Instant s = base.plusSeconds(r.nextInt(365 * 24 * 60) * 60L);
      Instant e = s.plusSeconds(r.nextInt(6) == 0 ? -60 : r.nextInt(20 * 3600));
      String start = instant(r, s);
      String end = instant(r, e);
      if (reordered) {
        sb.append(product).append(',').append(user).append(",x,").append(start).append(',').append(end);
      } else {
        sb.append(user).append(',').append(product).append(',').append(start);
        if (r.nextInt(40) != 0) {
          sb.append(',').append(end);
        }
      }
      if (i < rows - 1 || r.nextBoolean()) {
        sb.append(nl);
      }
    }
    return sb.toString();
  }

  private static String instant(Random r, Instant t) {
    switch (r.nextInt(14)) {
      case 0:
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.ofHoursMinutes(5, 30)));
      case 1:
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.ofHours(-8)));
      case 2:
        return t.plusMillis(r.nextInt(1000)).toString();
      case 3:
        return t.toString().replace('T', ' ');
      case 4:
        return t.toString().replace("Z", "");
      case 5:
        return List.of("2025-02-30T08:00:00Z", "2025-01-06T24:00:00Z", "yesterday", "2025-01-06T08:00Z",
                "2025-01-06t08:00:00z", "2025-01-06T08:00:00+0100", "2025-01-06T08:00:00.1234567891Z",
                " 2025-01-06T08:00:00Z ", "2025-01-06T08:00:00+01:00[Europe/Paris]",
                "2024-02-29T23:59:59.999Z", "1850-01-01T00:00:00Z", "2025-13-01T00:00:00Z", "")
            .get(r.nextInt(13));
      default:
        return t.toString();
    }
  }

  static Path write(String content) {
    try {
      Path f = Files.createTempFile("sessions", ".csv");
      Files.write(f, content.getBytes(StandardCharsets.UTF_8));
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertSameAsStandardReader(Path f, ImportOptions options) {
    UsageCollector out = new UsageCollector();
    RowLedger ledger = new RowLedger("f.csv", false);
    ReadContext ctx = new ReadContext(RESOLVER, options);
    RuntimeException standardFailure = null;
    try {
      new SessionsCsvReader().read(f, "f.csv", ctx, out, ledger);
    } catch (RuntimeException e) {
      standardFailure = e;
    }
    if (standardFailure != null) {
      RuntimeException expected = standardFailure;
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> new FastSessionsCsvReader().read(f, "f.csv", RESOLVER, options))
          .isInstanceOf(expected.getClass())
          .hasMessage(expected.getMessage());
      return;
    }
    FileReport expected = ledger.report(ImportFormat.SESSIONS_CSV);
    SessionTableImport fast = new FastSessionsCsvReader().read(f, "f.csv", RESOLVER, options);
    assertThat(fast.sessions().sessions()).isEqualTo(out.sessions.build().sessions());
    assertThat(fast.report()).isEqualTo(expected);
    if (Runtime.getRuntime().availableProcessors() >= 2) {
      // the two-halves path, forced on however small the file
      RowLedger halves = new RowLedger("f.csv", false);
      dev.seatwise.domain.usage.SessionTable table =
          new FastSessionsCsvReader().read(f, "f.csv", ctx, halves, 0);
      assertThat(table.sessions()).isEqualTo(out.sessions.build().sessions());
      assertThat(table.users()).isEqualTo(fast.sessions().users());
      assertThat(halves.report(ImportFormat.SESSIONS_CSV)).isEqualTo(expected);
    }
  }

  @Test
  void readsTheSameSessionsAndReportAsTheStandardReader() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              Path f = write(randomFile(r));
              try {
                assertSameAsStandardReader(
                    f, ImportOptions.defaults().withZone(ZONES.get(r.nextInt(ZONES.size()))));
              } finally {
                f.toFile().delete();
              }
            });
  }
}
