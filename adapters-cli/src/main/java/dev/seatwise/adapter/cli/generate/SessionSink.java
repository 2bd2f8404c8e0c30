package dev.seatwise.adapter.cli.generate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes generated usage one day at a time, in time order; {@link #finish} flushes what is left.
 */
interface SessionSink {
  /** Called once, before the first day. */
  void begin(LocalDate firstDay) throws IOException;

  /** The sessions that start on {@code date}, sorted by start. */
  void day(LocalDate date, List<GeneratedSession> sessions) throws IOException;

  /** Called once, after the last day. */
  void finish(LocalDate dayAfterLast) throws IOException;
}
