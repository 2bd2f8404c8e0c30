package dev.seatwise.adapter.cli.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Autodesk Account usage export: one row per user x product x day used ({@code day_used, email,
 * hashed_autodesk_id, first_name, last_name, team, product_name, product_version}). A session
 * counts on every UTC day it touches; launches under five minutes (free on Flex, reported with 0
 * tokens) are left out. Rows of a day are written when the day is done, sorted by user and product.
 */
final class AutodeskUsageSink implements SessionSink {
  private static final Duration FREE = Duration.ofMinutes(5);
  private final Writer out;

  /** Sessions still running into later days: (session, last day touched). */
  private final List<Carry> carried = new ArrayList<>();

  private record Carry(GeneratedSession session, LocalDate lastDay) {}

  private record Row(String email, String product, GeneratedSession session) {}

  AutodeskUsageSink(Writer out) {
    this.out = out;
  }

  @Override
  public void begin(LocalDate firstDay) throws IOException {
    out.write(
        "day_used,email,hashed_autodesk_id,first_name,last_name,team,product_name,product_version\n");
  }

  @Override
  public void day(LocalDate date, List<GeneratedSession> sessions) throws IOException {
    TreeSet<Row> rows = new TreeSet<>(Comparator.comparing(Row::email).thenComparing(Row::product));
    for (GeneratedSession s : sessions) {
      if (Duration.between(s.start(), s.end()).compareTo(FREE) < 0) {
        continue;
      }
      rows.add(new Row(s.person().email(), s.product().id(), s));
      LocalDate last = lastDay(s);
      if (last.isAfter(date)) {
        carried.add(new Carry(s, last));
      }
    }
    writeCarried(date, rows);
    write(date, rows);
  }

  private void writeCarried(LocalDate date, TreeSet<Row> rows) {
    for (Iterator<Carry> it = carried.iterator(); it.hasNext(); ) {
      Carry c = it.next();
      if (c.session().start().atOffset(ZoneOffset.UTC).toLocalDate().isBefore(date)) {
        rows.add(new Row(c.session().person().email(), c.session().product().id(), c.session()));
      }
      if (!c.lastDay().isAfter(date)) {
        it.remove();
      }
    }
  }

  @Override
  public void finish(LocalDate dayAfterLast) throws IOException {
    LocalDate date = dayAfterLast;
    while (!carried.isEmpty()) {
      TreeSet<Row> rows =
          new TreeSet<>(Comparator.comparing(Row::email).thenComparing(Row::product));
      writeCarried(date, rows);
      write(date, rows);
      date = date.plusDays(1);
    }
  }

  private void write(LocalDate date, TreeSet<Row> rows) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Row row : rows) {
      Person p = row.session().person();
      sb.append(date)
          .append(',')
          .append(p.email())
          .append(',')
          .append(p.hashedId())
          .append(',')
          .append(p.firstName())
          .append(',')
          .append(p.lastName())
          .append(',')
          .append(p.team())
          .append(',')
          .append(row.session().product().exportName())
          .append(",2025\n");
    }
    out.write(sb.toString());
  }

  private static LocalDate lastDay(GeneratedSession s) {
    return s.end().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
