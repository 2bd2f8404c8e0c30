package dev.seatwise.bench;

import dev.seatwise.adapter.cli.generate.GenerateFormat;
import dev.seatwise.adapter.cli.generate.SyntheticUsageGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

/**
 * The benchmark workload: a synthetic organisation's year of sessions, written by the CLI's
 * {@code generate --format sessions} generator (adapters-cli) to a CSV file that is reused while it
 * exists (same users, days and seed give the same file).
 */
final class Workload {
  static final int DAYS = 365;
  static final long SEED = 7L;
  static final LocalDate START = LocalDate.of(2025, 1, 1);

  private Workload() {}

  static Path file(Path dir, int users) {
    return dir.resolve("sessions-" + users + "u-" + DAYS + "d-seed" + SEED + ".csv");
  }

  /** The workload file for {@code users}, generated when missing; returns the sessions written or -1 when reused. */
  static long ensure(Path file, int users) throws IOException {
    if (Files.isRegularFile(file)) {
      return -1;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    long sessions;
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 20)) {
      sessions = new SyntheticUsageGenerator(users, DAYS, SEED, START)
          .write(GenerateFormat.SESSIONS, out, d -> { });
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    return sessions;
  }

  public static void main(String[] args) throws IOException {
    int users = Integer.parseInt(args[1]);
    long t0 = System.nanoTime();
    long n = ensure(Path.of(args[0]), users);
    System.out.printf("generated %s sessions in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
  }
}
