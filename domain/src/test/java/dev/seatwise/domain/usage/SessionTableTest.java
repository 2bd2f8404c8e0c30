package dev.seatwise.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.domain.catalog.ProductId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTableTest {
  private static final Instant T = Instant.parse("2025-01-06T08:00:00Z");

  @Test
  void rowsAcrossChunkBoundariesReadBackAndCopyInBulk() {
    SessionTable.Builder b = SessionTable.builder();
    int u = b.userIndex(UserId.of("ann"));
    int v = b.userIndex(UserId.of("bob"));
    int p = b.productIndex(ProductId.of("ACD"));
    int rows = SessionTable.FIRST_SEGMENT * 9 + 17; // four segments, the last partly filled
    for (int i = 0; i < rows; i++) {
      b.add(i % 3 == 0 ? u : v, p, i * 10L, i * 10L + 5);
    }
    SessionTable t = b.build();
    assertThat(t.size()).isEqualTo(rows);
    assertThat(t.users()).containsExactly(UserId.of("ann"), UserId.of("bob"));
    assertThat(t.startNanos(SessionTable.FIRST_SEGMENT + 1)).isEqualTo((SessionTable.FIRST_SEGMENT + 1) * 10L);
    long[] ends = new long[100];
    t.copyEnds(SessionTable.FIRST_SEGMENT - 50, ends, 0, 100);
    for (int k = 0; k < 100; k++) {
      assertThat(ends[k]).isEqualTo((SessionTable.FIRST_SEGMENT - 50 + k) * 10L + 5);
    }
    int[] users = new int[rows];
    t.copyUserIndexes(0, users, 0, rows);
    long[] starts = new long[rows];
    t.copyStarts(0, starts, 0, rows);
    for (int i = 0; i < rows; i++) {
      assertThat(users[i]).isEqualTo(i % 3 == 0 ? u : v);
      assertThat(starts[i]).isEqualTo(i * 10L);
      assertThat(t.endNanos(i)).isEqualTo(i * 10L + 5);
      assertThat(t.userIndex(i)).isEqualTo(users[i]);
    }
    long[] none = new long[0];
    t.copyStarts(rows, none, 0, 0);
    assertThatThrownBy(() -> t.copyStarts(rows - 1, new long[2], 0, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void gatheringRowsOutsideTheTableIsRejected() {
    SessionTable empty = SessionTable.builder().build();
    empty.copyRows(new int[0], 0, 0, new int[0], new long[0], new long[0]);
    assertThatThrownBy(() -> empty.copyRows(new int[] {0}, 0, 1, new int[1], new long[1], new long[1]))
        .isInstanceOf(IndexOutOfBoundsException.class);
    SessionTable one = SessionTable.of(java.util.List.of(Session.of("ann", "ACD", T, T.plusSeconds(60))));
    for (int row : new int[] {-1, 1}) {
      assertThatThrownBy(() -> one.copyRows(new int[] {0, row}, 0, 2, new int[2], new long[2], new long[2]))
          .isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void drainingMovesSegmentsWithoutTouchingATableBuiltFromEitherBuilder() {
    SessionTable.Builder a = SessionTable.builder();
    SessionTable.Builder b = SessionTable.builder();
    java.util.List<Session> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Session s = Session.of("a" + i, "ACD", T.plusSeconds(i), T.plusSeconds(i + 1));
      a.add(s);
      expected.add(s);
    }
    SessionTable before = a.build();
    for (int i = 0; i < SessionTable.FIRST_SEGMENT * 3 + 1; i++) {
      Session s = Session.of("b" + (i % 11), i % 2 == 0 ? "RVT" : "ACD", T.plusSeconds(i), T.plusSeconds(i + 9));
      b.add(s);
      expected.add(s);
    }
    SessionTable fromB = b.build(); // b's segments are shared now: draining must copy them
    a.drainFrom(b);
    Session later = Session.of("c", "MAYA", T, T.plusSeconds(5));
    a.add(later);
    expected.add(later);
    assertThat(a.build().sessions()).isEqualTo(expected);
    assertThat(before.sessions()).isEqualTo(expected.subList(0, 5));
    assertThat(fromB.sessions()).isEqualTo(expected.subList(5, expected.size() - 1));
    // a builder never built moves its segments, and keeps working after being drained
    SessionTable.Builder c = SessionTable.builder();
    SessionTable.Builder d = SessionTable.builder();
    java.util.List<Session> moved = new java.util.ArrayList<>();
    for (int i = 0; i < SessionTable.FIRST_SEGMENT + 3; i++) {
      Session s = Session.of("d" + (i % 4), "C3D", T.plusSeconds(i), T.plusSeconds(i + 2));
      d.add(s);
      moved.add(s);
    }
    c.add(later);
    c.drainFrom(d);
    c.add(later);
    d.add(later);
    java.util.List<Session> all = new java.util.ArrayList<>();
    all.add(later);
    all.addAll(moved);
    all.add(later);
    assertThat(c.build().sessions()).isEqualTo(all);
    assertThat(d.build().sessions()).containsExactly(later);
  }

  @Test
  void drainingABuilderAppendsItsRowsInOrderAndEmptiesIt() {
    SessionTable.Builder a = SessionTable.builder();
    SessionTable.Builder b = SessionTable.builder();
    java.util.List<Session> expected = new java.util.ArrayList<>();
    for (int i = 0; i < SessionTable.FIRST_SEGMENT + 10; i++) {
      Session s = Session.of("u" + (i % 7), i % 2 == 0 ? "ACD" : "RVT", T.plusSeconds(i), T.plusSeconds(i + 60));
      a.add(s);
      expected.add(s);
    }
    for (int i = 0; i < SessionTable.FIRST_SEGMENT * 2 + 3; i++) {
      Session s = Session.of("v" + (i % 5), i % 3 == 0 ? "C3D" : "ACD", T.plusSeconds(i), T.plusSeconds(i + 30));
      b.add(s);
      expected.add(s);
    }
    SessionTable t = a.drainFrom(b).build();
    assertThat(t.sessions()).isEqualTo(expected);
    assertThat(b.size()).isZero();
    assertThat(b.build().size()).isZero();
  }

  @Test
  void aTableIsASnapshotOfTheRowsAddedBeforeBuild() {
    SessionTable.Builder b = SessionTable.builder();
    b.add(Session.of("ann", "ACD", T, T.plusSeconds(600)));
    SessionTable first = b.build();
    b.add(Session.of("bob", "RVT", T, T.plusSeconds(60)));
    assertThat(first.size()).isEqualTo(1);
    assertThat(first.users()).containsExactly(UserId.of("ann"));
    assertThat(b.build().session(1)).isEqualTo(Session.of("bob", "RVT", T, T.plusSeconds(60)));
  }

  @Test
  void aSessionEndingBeforeItStartsOrAnUnknownIndexIsRejected() {
    SessionTable.Builder b = SessionTable.builder();
    int u = b.userIndex(UserId.of("ann"));
    int p = b.productIndex(ProductId.of("ACD"));
    assertThatThrownBy(() -> b.add(u, p, 10, 9)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.add(u + 1, p, 1, 9)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> b.build().startNanos(0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void subSecondInstantsAreKeptExactly() {
    Instant s = Instant.parse("2025-01-06T08:00:00.123456789Z");
    SessionTable t = SessionTable.of(java.util.List.of(Session.of("ann", "ACD", s, s.plusNanos(1))));
    assertThat(t.session(0).start()).isEqualTo(s);
    assertThat(SessionTable.toInstant(SessionTable.toNanos(s))).isEqualTo(s);
  }
}
