package dev.seatwise.domain.reconcile;

import java.util.List;

/**
 * Every user x product x day with a charge or a replayed window, in day, user, product order, and
 * the totals. Immutable.
 */
public record Reconciliation(List<ReconciledDay> days) {
  public Reconciliation {
    days = List.copyOf(days);
  }

  /** Tokens Flex charged in total. */
  public long charged() {
    return days.stream().mapToLong(ReconciledDay::charged).sum();
  }

  /** Tokens the replay charges in total. */
  public long replayed() {
    return days.stream().mapToLong(ReconciledDay::replayed).sum();
  }

  /** Charged minus replayed. */
  public long difference() {
    return charged() - replayed();
  }

  /** The days whose charge differs from the replay's. */
  public List<ReconciledDay> differences() {
    return days.stream().filter(d -> d.discrepancy().isPresent()).toList();
  }
}
