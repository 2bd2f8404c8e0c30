package dev.seatwise.domain.plan;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seats of one offering, pooled across the plan's holdings of it, and who sits on them each
 * day: on day {@code d} the offering has the seats of its holdings active on {@code d}; its
 * assignees active on {@code d} (all its holdings' assignees, once per user, ordered by the start
 * of their assignment, ties in the order listed) take them in turn, filling the holdings in plan
 * order; the rest are unseated that day. Keeps the last day's seating (windows come in time
 * order), so it is confined to one evaluation.
 */
final class OfferingSeats {
  /**
   * Who sits where on one day, by the users' {@link #slotOf slots}: {@code bySlot[slot]} is {index
   * in plan.seats(), seat} for a seated user, null for one not seated; and who is unseated, in pool
   * order. The map of the seated ({@link #seated}) is made only when asked for (tests, the object
   * evaluation): a seating is made a few hundred times a plan, for thousands of users each.
   */
  static final class Seating {
    /** Each slot's user. */
    private final UserId[] users;
    private final int[][] bySlot;
    private final List<UserId> unseated;

    Seating(UserId[] users, int[][] bySlot, List<UserId> unseated) {
      this.users = users;
      this.bySlot = bySlot;
      this.unseated = unseated;
    }

    /** A seating given as a map of the seated (for tests, which compare the map and the list). */
    Seating(Map<UserId, int[]> seated, List<UserId> unseated) {
      this(seated.keySet().toArray(new UserId[0]), seated.values().toArray(new int[0][]), unseated);
    }

    /** The seated users, each to {index in plan.seats(), seat}; a new map at each call. */
    Map<UserId, int[]> seated() {
      Map<UserId, int[]> out = new HashMap<>();
      for (int slot = 0; slot < bySlot.length; slot++) {
        if (bySlot[slot] != null) {
          out.put(users[slot], bySlot[slot]);
        }
      }
      return out;
    }

    List<UserId> unseated() {
      return unseated;
    }

    /** The seats by slot (shared, not to be changed). */
    int[][] bySlot() {
      return bySlot;
    }

    /** The user of {@code slot}. */
    UserId userOf(int slot) {
      return users[slot];
    }
  }

  private final ProductId offering;
  private final List<SeatHolding> holdings;
  private final int[] planIndex;
  private final List<Assignee> pool;
  private final Map<UserId, List<Assignee>> byUser = new HashMap<>();
  private final int distinctUsers;
  /** Each distinct assignee's slot: its place among them in pool order. */
  private final Map<UserId, Integer> slots = new HashMap<>();
  /** Each slot's user. */
  private final UserId[] slotUser;
  private final Map<LocalDate, Seating> lastDay = new HashMap<>();
  /** Days (epoch days, sorted) on which an assignment or a holding starts or ends. */
  private final long[] changeDays;
  /**
   * The pool by column (each assignee's user and epoch days from and to) and the holdings' epoch
   * days and seats: {@link #seating} reads arrays, not records, as it runs a few hundred times a
   * plan, mostly before the JIT compiles it.
   */
  private final UserId[] poolUser;
  private final int[] poolSlot;
  private final long[] poolFrom;
  private final long[] poolTo;
  private final long[] holdingStart;
  private final long[] holdingEnd;
  private final long[] holdingSeats;

  private OfferingSeats(
      ProductId offering, List<SeatHolding> holdings, int[] planIndex, List<Assignee> pool) {
    this.offering = offering;
    this.holdings = List.copyOf(holdings);
    this.planIndex = planIndex.clone();
    this.pool = List.copyOf(pool);
    for (Assignee a : this.pool) {
      byUser.computeIfAbsent(a.user(), u -> new ArrayList<>()).add(a);
      slots.putIfAbsent(a.user(), slots.size()); // the next slot for a user not seen before
    }
    this.distinctUsers = slots.size();
    this.slotUser = new UserId[distinctUsers];
    slots.forEach((u, slot) -> slotUser[slot] = u);
    int size = this.pool.size();
    this.poolUser = new UserId[size];
    this.poolSlot = new int[size];
    this.poolFrom = new long[size];
    this.poolTo = new long[size];
    for (int i = 0; i < size; i++) {
      Assignee a = this.pool.get(i);
      poolUser[i] = a.user();
      poolSlot[i] = slots.get(a.user());
      poolFrom[i] = a.from().toEpochDay();
      poolTo[i] = a.to().toEpochDay();
    }
    int hs = this.holdings.size();
    this.holdingStart = new long[hs];
    this.holdingEnd = new long[hs];
    this.holdingSeats = new long[hs];
    for (int k = 0; k < hs; k++) {
      SeatHolding h = this.holdings.get(k);
      holdingStart[k] = h.start().toEpochDay();
      holdingEnd[k] = h.end().toEpochDay();
      holdingSeats[k] = h.seats();
    }
    // every start and end, sorted, once each
    long[] changes = new long[2 * size + 2 * hs];
    System.arraycopy(poolFrom, 0, changes, 0, size);
    System.arraycopy(poolTo, 0, changes, size, size);
    System.arraycopy(holdingStart, 0, changes, 2 * size, hs);
    System.arraycopy(holdingEnd, 0, changes, 2 * size + hs, hs);
    java.util.Arrays.sort(changes);
    int distinct = 0;
    for (int i = 0; i < changes.length; i++) {
      if (i == 0 || changes[i] != changes[i - 1]) {
        changes[distinct++] = changes[i];
      }
    }
    this.changeDays = java.util.Arrays.copyOf(changes, distinct);
  }

  /** The plan's seat holdings grouped by offering, in plan order. */
  static List<OfferingSeats> of(Plan plan) {
    Map<ProductId, List<Integer>> byOffering = new LinkedHashMap<>();
    for (int i = 0; i < plan.seats().size(); i++) {
      byOffering.computeIfAbsent(plan.seats().get(i).offering(), o -> new ArrayList<>()).add(i);
    }
    List<OfferingSeats> out = new ArrayList<>();
    byOffering.forEach(
        (offering, indexes) -> {
          List<SeatHolding> hs = new ArrayList<>();
          int[] idx = new int[indexes.size()];
          Set<Assignee> pool = new LinkedHashSet<>();
          for (int k = 0; k < indexes.size(); k++) {
            SeatHolding h = plan.seats().get(indexes.get(k));
            hs.add(h);
            idx[k] = indexes.get(k);
            pool.addAll(h.assignees());
          }
          List<Assignee> ordered = new ArrayList<>(pool);
          ordered.sort(Comparator.comparing(Assignee::from)); // stable: ties keep listed order
          out.add(new OfferingSeats(offering, hs, idx, ordered));
        });
    return out;
  }

  ProductId offering() {
    return offering;
  }

  List<SeatHolding> holdings() {
    return holdings;
  }

  int planIndex(int k) {
    return planIndex[k];
  }

  /** Seats of holding {@code k} that can ever be occupied: no more than there are assignees. */
  int trackedSeats(int k) {
    return (int) Math.min(holdings.get(k).seats(), distinctUsers);
  }

  /** Every user assigned the offering on some day. */
  java.util.Set<UserId> assignees() {
    return java.util.Collections.unmodifiableSet(byUser.keySet());
  }

  /** The number of slots: the distinct assignees. */
  int slotCount() {
    return distinctUsers;
  }

  /** The slot of {@code user} ({@link Seating#bySlot}), or -1 when never an assignee. */
  int slotOf(UserId user) {
    Integer slot = slots.get(user);
    return slot == null ? -1 : slot;
  }

  /** The assignments of {@code user} to the offering (in pool order; empty when none). */
  List<Assignee> assignmentsOf(UserId user) {
    return byUser.getOrDefault(user, List.of());
  }

  /** Whether {@code user} is an assignee of the offering on {@code day}. */
  boolean isAssigned(UserId user, LocalDate day) {
    for (Assignee a : byUser.getOrDefault(user, List.of())) {
      if (a.isAssignedOn(day)) {
        return true;
      }
    }
    return false;
  }

  /** The first day after {@code day} on which one of the holdings starts, if any. */
  java.util.Optional<LocalDate> nextStart(LocalDate day) {
    LocalDate next = null;
    for (SeatHolding h : holdings) {
      if (h.start().isAfter(day) && (next == null || h.start().isBefore(next))) {
        next = h.start();
      }
    }
    return java.util.Optional.ofNullable(next);
  }

  /** The day the last of the holdings ends (exclusive). */
  LocalDate lastEnd() {
    LocalDate last = holdings.get(0).end();
    for (SeatHolding h : holdings) {
      if (h.end().isAfter(last)) {
        last = h.end();
      }
    }
    return last;
  }

  /** Seats of the holdings active on {@code day}. */
  long seatsOn(LocalDate day) {
    long d = day.toEpochDay();
    long n = 0;
    for (int k = 0; k < holdingStart.length; k++) {
      if (holdingStart[k] <= d && d < holdingEnd[k]) { // as SeatHolding.isActiveOn
        n += holdingSeats[k];
      }
    }
    return n;
  }

  /** Whether one of the holdings is active on {@code day}. */
  boolean isActiveOn(LocalDate day) {
    long d = day.toEpochDay();
    for (int k = 0; k < holdingStart.length; k++) {
      if (holdingStart[k] <= d && d < holdingEnd[k]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The seating on {@code day}, kept until another day is asked for (and reused for it when no
   * assignment or holding starts or ends in between, as the seating is then the same).
   */
  Seating on(LocalDate day) {
    Seating s = lastDay.get(day);
    if (s == null) {
      if (!lastDay.isEmpty()) {
        Map.Entry<LocalDate, Seating> last = lastDay.entrySet().iterator().next();
        long lo = Math.min(last.getKey().toEpochDay(), day.toEpochDay());
        long hi = Math.max(last.getKey().toEpochDay(), day.toEpochDay());
        // the first change day after lo: the seating is the same unless it is on or before hi
        int i = java.util.Arrays.binarySearch(changeDays, lo + 1);
        int first = i >= 0 ? i : -i - 1;
        if (first == changeDays.length || changeDays[first] > hi) {
          s = last.getValue();
        }
      }
      if (s == null) {
        s = seating(day);
      }
      lastDay.clear();
      lastDay.put(day, s);
    }
    return s;
  }

  /** The seating on {@code day}, computed afresh. */
  Seating seating(LocalDate day) {
    long d = day.toEpochDay();
    // the assignees on the day (as Assignee.isAssignedOn), once each in pool order (a user's first
    // assignment that day; nothing to drop when no user has two assignments)
    int[] members = new int[poolUser.length];
    boolean[] seen = distinctUsers == poolUser.length ? null : new boolean[distinctUsers];
    int m = 0;
    for (int i = 0; i < poolUser.length; i++) {
      if (poolFrom[i] <= d && d < poolTo[i]) {
        if (seen == null) {
          members[m++] = i;
        } else if (!seen[poolSlot[i]]) {
          seen[poolSlot[i]] = true;
          members[m++] = i;
        }
      }
    }
    // they take the seats of the holdings active on the day (as SeatHolding.isActiveOn) in turn
    List<UserId> unseated = new ArrayList<>();
    int[][] bySlot = new int[distinctUsers][];
    int hs = holdingStart.length;
    int k = 0;
    long seat = 0;
    for (int x = 0; x < m; x++) {
      int i = members[x];
      UserId u = poolUser[i];
      while (k < hs && (holdingStart[k] > d || d >= holdingEnd[k] || seat >= holdingSeats[k])) {
        k++;
        seat = 0;
      }
      if (k < hs) {
        bySlot[poolSlot[i]] = new int[] {planIndex[k], (int) seat};
        seat++;
      } else {
        unseated.add(u);
      }
    }
    return new Seating(slotUser, bySlot, unseated);
  }
}
