package dev.seatwise.domain.reconcile;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Comparator;
import java.util.List;

/**
 * What Flex charged beside what the replay charges over a period: how many user x product x days
 * were charged or replayed ({@code daysCompared}), the tokens of each side, and the days whose
 * amounts differ, in day, user, product order. The days that agree are counted, not kept (the
 * 100,000-user year compares 12.3 M of them); {@link ChargeReconciler#reconcile(ChargeTable,
 * dev.seatwise.domain.usage.SessionTable, List, dev.seatwise.domain.metering.WindowTable,
 * dev.seatwise.domain.metering.MeterContext, java.time.LocalDate, java.time.LocalDate,
 * java.util.function.Consumer)} hands every day to a caller who wants them all. Immutable.
 */
public record Reconciliation(
    long daysCompared, long charged, long replayed, List<ReconciledDay> differences) {
  /** Day, then user, then product: the order of {@link #differences()}. */
  public static final Comparator<ReconciledDay> ORDER =
      Comparator.comparing(ReconciledDay::day)
          .thenComparing(ReconciledDay::user)
          .thenComparing(ReconciledDay::product);

  public Reconciliation {
    checkArgument(daysCompared >= 0, "daysCompared must be >= 0 but was %s", daysCompared);
    differences = List.copyOf(checkNotNull(differences, "differences"));
    for (ReconciledDay d : differences) {
      checkArgument(d.discrepancy().isPresent(), "not a difference: %s", d);
    }
    checkArgument(
        differences.size() <= daysCompared,
        "%s differences among %s days", differences.size(), daysCompared);
  }

  /**
   * The reconciliation of {@code days}, every user x product x day compared (each once): their
   * count and totals, and those that differ, sorted.
   */
  public static Reconciliation of(List<ReconciledDay> days) {
    long charged = 0;
    long replayed = 0;
    for (ReconciledDay d : days) {
      charged = Math.addExact(charged, d.charged());
      replayed = Math.addExact(replayed, d.replayed());
    }
    List<ReconciledDay> differences =
        days.stream().filter(d -> d.discrepancy().isPresent()).sorted(ORDER).toList();
    return new Reconciliation(days.size(), charged, replayed, differences);
  }

  /** Charged minus replayed. */
  public long difference() {
    return charged - replayed;
  }
}
