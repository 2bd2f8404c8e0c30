package dev.seatwise.adapter.cli.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * FlexLM debug log of an Autodesk licence server ({@code lmgrd} + {@code adskflex}), clock in UTC:
 * the lmgrd start banner with the date, a {@code TIMESTAMP M/D/YYYY} line at each day change, and
 * {@code H:MM:SS (adskflex) OUT: "FEATURE" user@host} / {@code IN:} lines in time order. Products
 * without a licence-server feature (cloud products such as Fusion) do not appear. A check-in that
 * falls on a later day waits in a queue ordered by time, so memory holds only open sessions.
 */
final class FlexlmLogSink implements SessionSink {
  private static final String SERVER = "LICSRV01";
  private final Writer out;
  private final PriorityQueue<Event> pendingIns =
      new PriorityQueue<>(Comparator.comparing(Event::at).thenComparing(Event::order));

  /** An OUT or IN line; {@code order} sorts check-ins before check-outs at the same second. */
  private record Event(Instant at, long order, String kind, String feature, String user) {}

  FlexlmLogSink(Writer out) {
    this.out = out;
  }

  @Override
  public void begin(LocalDate firstDay) throws IOException {
    String sysDate =
        firstDay.format(DateTimeFormatter.ofPattern("EEE MMM dd yyyy", Locale.ENGLISH));
    String us = usDate(firstDay);
    StringBuilder sb = new StringBuilder();
    line(sb, 0, "lmgrd", "-----------------------------------------------");
    line(sb, 0, "lmgrd", "  Please Note:");
    line(sb, 0, "lmgrd", "  This log is intended for debug purposes only.");
    line(sb, 0, "lmgrd", "-----------------------------------------------");
    line(sb, 0, "lmgrd", "Server's System Date and Time: " + sysDate + " 00:00:00 UTC");
    line(
        sb,
        0,
        "lmgrd",
        "FlexNet Licensing (v11.16.2.0 build 242433 x64_n6) started on "
            + SERVER
            + " (IBM PC) ("
            + us
            + ")");
    line(sb, 0, "lmgrd", "Copyright (c) 1988-2025 Flexera. All Rights Reserved.");
    line(sb, 0, "lmgrd", "License file(s): C:\\Autodesk\\Network License Manager\\acme.lic");
    line(sb, 0, "lmgrd", "lmgrd tcp-port 27000");
    line(sb, 0, "lmgrd", "Starting vendor daemons ...");
    line(sb, 0, "lmgrd", "Started adskflex (internet tcp_port 2080 pid 4242)");
    line(sb, 1, "adskflex", "FlexNet Licensing version v11.16.2.0 build 242433 x64_n6");
    line(sb, 1, "adskflex", "Server started on " + SERVER + " for:\t87224ACD_2024_0F");
    line(sb, 1, "adskflex", "EXTERNAL FILTERS are OFF");
    out.write(sb.toString());
  }

  @Override
  public void day(LocalDate date, List<GeneratedSession> sessions) throws IOException {
    List<Event> events = new ArrayList<>();
    for (GeneratedSession s : sessions) {
      s.product().feature().ifPresent(f -> add(events, s, f));
      if (s.withRenderer()) {
        add(events, s, ProductModel.UNMAPPED_FEATURE);
      }
    }
    writeDay(date, events);
  }

  private void add(List<Event> events, GeneratedSession s, String feature) {
    String user = s.person().login() + "@" + s.person().host();
    events.add(new Event(s.start(), 1, "OUT", feature, user));
    pendingIns.add(new Event(s.end(), 0, "IN", feature, user));
  }

  private void writeDay(LocalDate date, List<Event> outs) throws IOException {
    Instant next = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<Event> events = new ArrayList<>(outs);
    while (!pendingIns.isEmpty() && pendingIns.peek().at().isBefore(next)) {
      events.add(pendingIns.poll());
    }
    events.sort(Comparator.comparing(Event::at).thenComparing(Event::order));
    StringBuilder sb = new StringBuilder(events.size() * 60 + 40);
    line(sb, 0, "lmgrd", "TIMESTAMP " + usDate(date));
    for (Event e : events) {
      int second = LocalTime.ofInstant(e.at(), ZoneOffset.UTC).toSecondOfDay();
      line(sb, second, "adskflex", e.kind() + ": \"" + e.feature() + "\" " + e.user() + "  ");
    }
    out.write(sb.toString());
  }

  @Override
  public void finish(LocalDate dayAfterLast) throws IOException {
    LocalDate date = dayAfterLast;
    while (!pendingIns.isEmpty()) {
      writeDay(date, List.of());
      date = date.plusDays(1);
    }
  }

  private static void line(StringBuilder sb, int secondOfDay, String daemon, String message) {
    int h = secondOfDay / 3600;
    int m = secondOfDay / 60 % 60;
    int s = secondOfDay % 60;
    if (h < 10) {
      sb.append(' ');
    }
    sb.append(h).append(':');
    if (m < 10) {
      sb.append('0');
    }
    sb.append(m).append(':');
    if (s < 10) {
      sb.append('0');
    }
    sb.append(s).append(" (").append(daemon).append(") ").append(message).append('\n');
  }

  private static String usDate(LocalDate d) {
    return d.getMonthValue() + "/" + d.getDayOfMonth() + "/" + d.getYear();
  }
}
