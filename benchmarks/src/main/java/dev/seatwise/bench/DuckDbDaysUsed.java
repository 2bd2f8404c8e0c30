package dev.seatwise.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB's side of the replay benchmark: an in-memory database reads the same sessions CSV and
 * counts the distinct days used (by session start, UTC) per user x product; every result row is
 * fetched.
 */
final class DuckDbDaysUsed {
  record Result(long groups, long days) {}

  private DuckDbDaysUsed() {}

  static Connection connect() throws SQLException {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
    } catch (SQLException e) {
      // without ICU the zone is UTC already
    }
    return c;
  }

  static String sql(Path csv) {
    String path = csv.toAbsolutePath().toString().replace("'", "''");
    return "SELECT \"user\", product, count(DISTINCT CAST(\"start\" AS DATE)) AS days"
        + " FROM read_csv('" + path + "', header = true, delim = ',',"
        + " columns = {'user': 'VARCHAR', 'product': 'VARCHAR', 'start': 'TIMESTAMP', 'end': 'TIMESTAMP'})"
        + " GROUP BY ALL";
  }

  static Result run(Connection c, Path csv) throws SQLException {
    long groups = 0;
    long days = 0;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql(csv))) {
      while (rs.next()) {
        groups++;
        days += rs.getLong(3);
      }
    }
    return new Result(groups, days);
  }
}
