package dev.seatwise.adapter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made organisation of three users whose costs under the tiny catalog can be worked out on
 * paper (period 2025-01-01 to 2026-01-01 = 365 days, so annual prices apply unprorated).
 *
 * <ul>
 *   <li>h@x.com uses ACD and RVT 09:00-17:00 on days 0..99 and C3D on days 0..49: 100 + 100 + 50
 *       windows, 1000 + 1500 + 600 = 3100 tokens. Named: ACD+RVT+C3D = 3700 or AECCOL = 2000.
 *   <li>o@x.com uses ACD 10:00-12:00 on days 0..9 (beside h): 10 windows, 100 tokens. Named 1000.
 *   <li>m@x.com uses RVT 09:00-17:00 on days 100..159: 60 windows, 900 tokens. Named 1500.
 * </ul>
 */
final class ThreeUsers {
  static final String FROM = "2025-01-01";
  static final String TO = "2026-01-01";

  private ThreeUsers() {}

  static Path write(Path dir) throws IOException {
    List<String> rows = new ArrayList<>();
    rows.add("user,product,start,end");
    for (int day = 0; day < 100; day++) {
      rows.add(row("h@x.com", "ACD", day, 9, 17));
      rows.add(row("h@x.com", "RVT", day, 9, 17));
      if (day < 50) {
        rows.add(row("h@x.com", "C3D", day, 9, 17));
      }
    }
    for (int day = 0; day < 10; day++) {
      rows.add(row("o@x.com", "ACD", day, 10, 12));
    }
    for (int day = 100; day < 160; day++) {
      rows.add(row("m@x.com", "RVT", day, 9, 17));
    }
    Path file = dir.resolve("three.csv");
    Files.write(file, rows);
    return file;
  }

  /** Today's plan: three AEC Collection seats for 2025, one for each user. */
  static Path[] entitlements(Path dir) throws IOException {
    Path subs = dir.resolve("subscriptions.csv");
    Files.writeString(
        subs,
        "offering_name,seat_quantity,start_date,end_date,term\n"
            + "AEC Collection,3,2025-01-01,2026-01-01,Annual\n");
    Path users = dir.resolve("users.csv");
    Files.writeString(
        users,
        "email,product_name\n"
            + "h@x.com,AEC Collection\n"
            + "o@x.com,AEC Collection\n"
            + "m@x.com,AEC Collection\n");
    return new Path[] {subs, users};
  }

  private static String row(String user, String product, int day, int fromHour, int toHour) {
    LocalDate d = LocalDate.of(2025, 1, 1).plusDays(day);
    return String.format(
        "%s,%s,%sT%02d:00:00Z,%sT%02d:00:00Z", user, product, d, fromHour, d, toHour);
  }
}
