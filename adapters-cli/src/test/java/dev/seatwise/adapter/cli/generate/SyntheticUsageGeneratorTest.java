package dev.seatwise.adapter.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticUsageGeneratorTest {
  private final SyntheticOrganisation org = new SyntheticOrganisation(42, LocalDate.of(2025, 1, 1));

  @Test
  void eachDayHoldsOnlyTheSessionsThatStartOnItInTimeOrder() throws Exception {
    List<Integer> sizes = new ArrayList<>();
    SessionSink checking =
        new SessionSink() {
          @Override
          public void begin(LocalDate firstDay) {}

          @Override
          public void day(LocalDate date, List<GeneratedSession> sessions) {
            Instant previous = Instant.MIN;
            for (GeneratedSession s : sessions) {
              assertThat(s.start().atOffset(ZoneOffset.UTC).toLocalDate()).isEqualTo(date);
              assertThat(s.start()).isAfterOrEqualTo(previous);
              assertThat(s.end()).isAfterOrEqualTo(s.start());
              previous = s.start();
            }
            sizes.add(sessions.size());
          }

          @Override
          public void finish(LocalDate dayAfterLast) {}
        };
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      people.add(org.person(i));
    }
    Map<Long, Instant> busy = new HashMap<>();
    for (int d = 0; d < 14; d++) {
      List<GeneratedSession> today = new ArrayList<>();
      for (Person p : people) {
        org.sessions(p, d, busy, today);
      }
      today.sort(java.util.Comparator.comparing(GeneratedSession::start));
      checking.day(LocalDate.of(2025, 1, 1).plusDays(d), today);
    }
    // weekdays are busy, weekends nearly empty (2025-01-04 and 05 are a Saturday and Sunday)
    assertThat(sizes.get(1)).isGreaterThan(10 * Math.max(1, sizes.get(3)));
  }

  @Test
  void aPersonNeverStartsASessionOfAProductTheyAreStillRunning() {
    Map<Long, Instant> busy = new HashMap<>();
    Map<String, Instant> runningUntil = new HashMap<>();
    for (int d = 0; d < 60; d++) {
      List<GeneratedSession> today = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        org.sessions(org.person(i), d, busy, today);
      }
      today.sort(java.util.Comparator.comparing(GeneratedSession::start));
      for (GeneratedSession s : today) {
        String key = s.person().email() + " " + s.product().id();
        Instant until = runningUntil.get(key);
        if (until != null) {
          assertThat(s.start()).as(key).isAfterOrEqualTo(until);
        }
        runningUntil.put(key, s.end());
      }
    }
  }

  @Test
  void thePeopleAreUniqueAndTheSameForTheSameSeed() {
    java.util.Set<String> emails = new java.util.HashSet<>();
    java.util.Set<String> logins = new java.util.HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      Person p = org.person(i);
      assertThat(emails.add(p.email())).as(p.email()).isTrue();
      assertThat(logins.add(p.login())).as(p.login()).isTrue();
    }
    assertThat(new SyntheticOrganisation(42, LocalDate.of(2025, 1, 1)).person(123).email())
        .isEqualTo(org.person(123).email());
  }

  @Test
  void theAutodeskUsageExportHasOneRowPerUserProductAndDay() throws Exception {
    StringWriter out = new StringWriter();
    new SyntheticUsageGenerator(80, 20, 3, LocalDate.of(2025, 3, 1))
        .write(GenerateFormat.AUTODESK_USAGE, out, d -> {});

    List<String> rows = out.toString().lines().skip(1).toList();
    assertThat(rows).doesNotHaveDuplicates().isNotEmpty();
    assertThat(out.toString())
        .startsWith("day_used,email,hashed_autodesk_id,first_name,last_name,team,product_name");
  }
}
