package dev.seatwise.adapter.cli.generate;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Writes a synthetic organisation's usage or plan in one of the {@link GenerateFormat}s. Usage is
 * produced and written one day at a time, in time order: memory holds the people, one day's
 * sessions and the sessions still running, never the whole year (100,000 users x 365 days is about
 * ten million sessions).
 */
public final class SyntheticUsageGenerator {
  private static final Comparator<GeneratedSession> ORDER =
      Comparator.comparing(GeneratedSession::start)
          .thenComparingInt(s -> s.person().index())
          .thenComparing(s -> s.product().id());

  private final int users;
  private final int days;
  private final SyntheticOrganisation org;

  /**
   * @param users people in the organisation, at least 1
   * @param days days of usage from {@code start}, at least 1
   * @param seed the same seed gives the same output
   */
  public SyntheticUsageGenerator(int users, int days, long seed, LocalDate start) {
    checkArgument(users >= 1, "users must be >= 1 but was %s", users);
    checkArgument(days >= 1, "days must be >= 1 but was %s", days);
    this.users = users;
    this.days = days;
    this.org = new SyntheticOrganisation(seed, requireNonNull(start, "start"));
  }

  /**
   * Writes {@code format} to {@code out}; {@code progress} hears each finished day (0-based).
   * Returns the number of sessions generated (0 for the plan and identity formats).
   */
  public long write(GenerateFormat format, Writer out, IntConsumer progress) throws IOException {
    List<Person> people = people();
    switch (format) {
      case AUTODESK_SUBSCRIPTIONS:
        EntitlementsWriter.subscriptions(people, org.start(), out);
        return 0;
      case AUTODESK_USERS:
        EntitlementsWriter.users(people, out);
        return 0;
      case IDENTITIES:
        EntitlementsWriter.identities(people, out);
        return 0;
      case SESSIONS:
        return run(people, new SessionsCsvSink(out), progress);
      case AUTODESK_USAGE:
        return run(people, new AutodeskUsageSink(out), progress);
      case FLEXLM_LOG:
        return run(people, new FlexlmLogSink(out), progress);
      case AUTODESK_TOKEN_USAGE:
        throw new IllegalArgumentException(
            format + " charges by a catalog's rates: use writeTokenUsage with them");
      default:
        throw new IllegalArgumentException("unknown format " + format);
    }
  }

  /**
   * Writes the Autodesk Token Usage export of the usage that {@code write(SESSIONS, ...)} writes for
   * the same seed: what {@code rule} charges it. Returns the number of sessions generated.
   */
  public long writeTokenUsage(Writer out, TokenRule rule, IntConsumer progress) throws IOException {
    List<Person> people = people();
    return run(people, new TokenUsageSink(out, rule), progress);
  }

  /** The catalog ids of the products the organisation uses (those of the bundled autodesk catalog). */
  public static List<String> products() {
    return ProductModel.ALL.stream().map(ProductModel::id).toList();
  }

  private List<Person> people() {
    List<Person> people = new ArrayList<>(users);
    for (int i = 0; i < users; i++) {
      people.add(org.person(i));
    }
    return people;
  }

  private long run(List<Person> people, SessionSink sink, IntConsumer progress) throws IOException {
    Map<Long, Instant> busyUntil = new HashMap<>();
    LocalDate start = org.start();
    sink.begin(start);
    long total = 0;
    List<GeneratedSession> today = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      today.clear();
      for (Person p : people) {
        org.sessions(p, d, busyUntil, today);
      }
      today.sort(ORDER);
      sink.day(start.plusDays(d), today);
      total += today.size();
      progress.accept(d);
    }
    sink.finish(start.plusDays(days));
    return total;
  }

  public int days() {
    return days;
  }
}
