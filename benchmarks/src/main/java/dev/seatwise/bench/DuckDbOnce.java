package dev.seatwise.bench;

import java.nio.file.Path;
import java.sql.Connection;

/**
 * DuckDB's query as one process, start to exit, the way {@code seatwise compare} is timed: a fresh
 * JVM opens an in-memory database (the JDBC driver loads its native library), runs the replay
 * benchmark's query ({@link DuckDbDaysUsed}) on the file given, fetches every row and prints the
 * groups and days. bench/run times it with GNU time beside the CLI, so the two process figures
 * share everything a process pays (JVM start, reading the file from the page cache, the answer).
 */
public final class DuckDbOnce {
  private DuckDbOnce() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: DuckDbOnce SESSIONS_CSV");
      System.exit(2);
    }
    try (Connection c = DuckDbDaysUsed.connect()) {
      DuckDbDaysUsed.Result r = DuckDbDaysUsed.run(c, Path.of(args[0]));
      System.out.println("groups: " + r.groups());
      System.out.println("days: " + r.days());
    }
  }
}
