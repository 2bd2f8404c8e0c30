package dev.seatwise.adapter.cli.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;

/** seatwise sessions CSV: {@code user,product,start,end}, instants in UTC with {@code Z}. */
final class SessionsCsvSink implements SessionSink {
  private final Writer out;

  SessionsCsvSink(Writer out) {
    this.out = out;
  }

  @Override
  public void begin(LocalDate firstDay) throws IOException {
    out.write("user,product,start,end\n");
  }

  @Override
  public void day(LocalDate date, List<GeneratedSession> sessions) throws IOException {
    StringBuilder sb = new StringBuilder(sessions.size() * 72);
    for (GeneratedSession s : sessions) {
      sb.append(s.person().email())
          .append(',')
          .append(s.product().id())
          .append(',')
          .append(s.start())
          .append(',')
          .append(s.end())
          .append('\n');
    }
    out.write(sb.toString());
  }

  @Override
  public void finish(LocalDate dayAfterLast) {}
}
