package dev.seatwise.domain.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The dates on which a vendor retired its multi-user (network) licences, as catalog data: the first
 * day on which a network subscription can no longer be renewed, and the window of a trade-in offer
 * (network seats exchanged for named ones) as {@code [tradeInFrom, tradeInEnds)}, i.e. the trade-in
 * could be made from {@code tradeInFrom} and no longer on {@code tradeInEnds}. Autodesk: renewals
 * refused from 2023-02-07, trade-in 2020-08-07 to 2024-02-07 (licensing-rules §4). Each date is
 * empty when the vendor has no such rule. Immutable and thread-safe; nothing is null.
 */
public record NetworkRetirement(
    Optional<LocalDate> renewalsEnd, Optional<LocalDate> tradeInFrom, Optional<LocalDate> tradeInEnds) {
  /** No retirement: network seats renew, and there is no trade-in window. */
  public static final NetworkRetirement NONE =
      new NetworkRetirement(Optional.empty(), Optional.empty(), Optional.empty());

  public NetworkRetirement {
    checkNotNull(renewalsEnd, "renewalsEnd");
    checkNotNull(tradeInFrom, "tradeInFrom");
    checkNotNull(tradeInEnds, "tradeInEnds");
    if (tradeInFrom.isPresent() && tradeInEnds.isPresent()) {
      checkArgument(
          tradeInFrom.get().isBefore(tradeInEnds.get()),
          "trade-in window must start before it ends: %s to %s", tradeInFrom.get(), tradeInEnds.get());
    }
  }

  /** Whether a network subscription can be renewed (or bought) on {@code day}. */
  public boolean renewable(LocalDate day) {
    checkNotNull(day, "day");
    return renewalsEnd.map(day::isBefore).orElse(true);
  }

  /**
   * Whether a trade-in can be made on {@code day}: inside the window; with no window stated, a
   * trade-in is taken to be open (the vendor's terms are not in the catalog).
   */
  public boolean tradeInOpen(LocalDate day) {
    checkNotNull(day, "day");
    return tradeInFrom.map(f -> !day.isBefore(f)).orElse(true)
        && tradeInEnds.map(day::isBefore).orElse(true);
  }

  /** {@code true} when the catalog states none of the dates. */
  public boolean isEmpty() {
    return renewalsEnd.isEmpty() && tradeInFrom.isEmpty() && tradeInEnds.isEmpty();
  }

  /**
   * The dates and what they allow on {@code day}, e.g. {@code "as of 2026-01-01: network renewals
   * ended on 2023-02-07 (keep is not possible); the trade-in ran from 2020-08-07 until 2024-02-07
   * (closed)"}.
   */
  public String statement(LocalDate day) {
    checkNotNull(day, "day");
    if (isEmpty()) {
      return "as of " + day + ": the catalog states no network retirement or trade-in dates";
    }
    String renew =
        renewalsEnd
            .map(d -> renewable(day)
                ? "network renewals end on " + d + " (keep is possible)"
                : "network renewals ended on " + d + " (keep is not possible)")
            .orElse("no end of network renewals stated (keep is possible)");
    String window =
        (tradeInFrom.isPresent() || tradeInEnds.isPresent())
            ? "the trade-in " + (tradeInOpen(day) ? "runs" : "ran")
                + tradeInFrom.map(f -> " from " + f).orElse("")
                + tradeInEnds.map(e -> " until " + e).orElse("")
                + (tradeInOpen(day) ? " (open)" : tradeInFrom.isPresent() && day.isBefore(tradeInFrom.get()) ? " (not open yet)" : " (closed)")
            : "no trade-in window stated (trade-in is possible)";
    return "as of " + day + ": " + renew + "; " + window;
  }
}
