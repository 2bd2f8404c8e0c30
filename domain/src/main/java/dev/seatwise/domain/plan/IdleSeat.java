package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.metering.WindowTable;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A named seat whose user has not used it for a while as of a day: the SAM practice of flagging
 * seats "unused for N days" for reclaiming. A seat assignment of an offering is used on a day
 * when its user opens a window of a product the offering covers (the product itself, or one a
 * bundle includes) or launches one (a launch under the minimum billable duration opens no window
 * but is use). {@code lastUse} is the last such day before {@code asOf}, empty when there is none
 * in the history looked at; {@code unusedDays} the whole days from the day after it (or from the
 * history's first day) to {@code asOf}. Immutable; nothing is null.
 */
public record IdleSeat(UserId user, ProductId offering, Optional<LocalDate> lastUse, long unusedDays) {
  public IdleSeat {
    checkNotNull(user, "user");
    checkNotNull(offering, "offering");
    checkNotNull(lastUse, "lastUse");
    checkArgument(unusedDays >= 0, "unused days must be >= 0 but was %s", unusedDays);
  }

  /**
   * The seat assignments of {@code assignments} unused for {@code idleDays} days or more before
   * {@code asOf}, judged on the use of the history {@code [from, asOf)} ({@code windows} and
   * {@code launches} that start in it, in {@code zone}'s days): in the order given. An offering's
   * products are {@code includes} of it (a bundle's), else the offering itself. A seat with no use
   * in the history is idle when the history is at least {@code idleDays} long (else it is not known
   * to be).
   */
  public static List<IdleSeat> asOf(
      Collection<SeatAssignment> assignments,
      WindowTable windows,
      SessionTable launches,
      Map<ProductId, ? extends Set<ProductId>> includes,
      LocalDate from,
      LocalDate asOf,
      ZoneId zone,
      int idleDays) {
    checkNotNull(assignments, "assignments");
    checkNotNull(windows, "windows");
    checkNotNull(launches, "launches");
    checkNotNull(includes, "includes");
    checkArgument(from.isBefore(asOf), "the history %s..%s is empty", from, asOf);
    checkArgument(idleDays >= 1, "idle days must be >= 1 but was %s", idleDays);
    // the last day of use per user and product, from both sources
    Map<UserId, Map<ProductId, LocalDate>> last = new HashMap<>();
    long start = WindowTable.saturatedNanos(from.atStartOfDay(zone).toInstant());
    long end = WindowTable.saturatedNanos(asOf.atStartOfDay(zone).toInstant());
    for (int i = windows.firstStartingAtOrAfter(start); i < windows.size() && windows.startNanos(i) < end; i++) {
      use(last, windows.user(i), windows.product(i), windows.start(i).atZone(zone).toLocalDate());
    }
    launches.forEachChunk(
        (row, n, users, products, starts, ends) -> {
          for (int k = 0; k < n; k++) {
            if (starts[k] >= start && starts[k] < end) {
              use(last, launches.users().get(users[k]), launches.products().get(products[k]),
                  SessionTable.toInstant(starts[k]).atZone(zone).toLocalDate());
            }
          }
        });
    List<IdleSeat> out = new ArrayList<>();
    for (SeatAssignment a : assignments) {
      Set<ProductId> covered = includes.containsKey(a.offering()) ? includes.get(a.offering()) : Set.of();
      LocalDate lastUse = null;
      for (Map.Entry<ProductId, LocalDate> e : last.getOrDefault(a.user(), Map.of()).entrySet()) {
        if (e.getKey().equals(a.offering()) || covered.contains(e.getKey())) {
          lastUse = lastUse == null || e.getValue().isAfter(lastUse) ? e.getValue() : lastUse;
        }
      }
      long unused = ChronoUnit.DAYS.between(lastUse == null ? from : lastUse.plusDays(1), asOf);
      if (unused >= idleDays) {
        out.add(new IdleSeat(a.user(), a.offering(), Optional.ofNullable(lastUse), unused));
      }
    }
    return out;
  }

  private static void use(
      Map<UserId, Map<ProductId, LocalDate>> last, UserId user, ProductId product, LocalDate day) {
    last.computeIfAbsent(user, u -> new HashMap<>()).merge(product, day, (a, b) -> a.isAfter(b) ? a : b);
  }
}
