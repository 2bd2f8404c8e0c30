package dev.seatwise.adapter.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic sessions CSVs for the web tests: {@code users} people over {@code days} days from
 * {@code start}, each using one to three products on a share of working days (a few heavy users,
 * many light ones), plus named extra users with a little use each. Deterministic for a seed.
 */
final class UsageFiles {
  static final String XSS_USER = "<img src=x onerror=alert(1)>";
  static final String FORMULA_USER = "=1+2@example.com";
  private static final String[] PRODUCTS = {"ACD", "RVT", "C3D", "INV", "ACDLT", "3DSMAX"};

  private UsageFiles() {}

  static Path sessions(
      Path file, int users, LocalDate start, int days, long seed, List<String> extraUsers) {
    SplittableRandom rnd = new SplittableRandom(seed);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("user,product,start,end\n");
      for (int u = 1; u <= users + extraUsers.size(); u++) {
        String user =
            u <= users ? String.format("u%04d@example.com", u) : extraUsers.get(u - users - 1);
        int products = u > users ? 1 : 1 + rnd.nextInt(3);
        for (int k = 0; k < products; k++) {
          String product = PRODUCTS[(u + k * 2) % PRODUCTS.length];
          double share = u > users ? 0.1 : rnd.nextDouble() < 0.3 ? 0.6 + 0.35 * rnd.nextDouble() : 0.02 + 0.2 * rnd.nextDouble();
          for (int d = 0; d < days; d++) {
            LocalDate day = start.plusDays(d);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
              continue;
            }
            if (rnd.nextDouble() >= share) {
              continue;
            }
            ZonedDateTime from =
                day.atTime(7 + rnd.nextInt(4), rnd.nextInt(60)).atZone(ZoneOffset.UTC);
            ZonedDateTime to = from.plusMinutes(30 + rnd.nextInt(8 * 60));
            w.write(user + "," + product + "," + from.toInstant() + "," + to.toInstant() + "\n");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Regenerates the committed example resource (run by hand when the generator changes). */
  public static void main(String[] args) {
    sessions(
        Path.of("src/test/resources/seatwise/test-examples/test-org-sessions.csv"),
        40,
        LocalDate.of(2025, 1, 1),
        90,
        7,
        List.of(XSS_USER, FORMULA_USER));
  }
}
