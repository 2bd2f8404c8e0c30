package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import java.util.List;
import java.util.OptionalLong;
import java.time.LocalDate;

/**
 * The trade-in what-if for {@code product}: {@code users} people used it in {@code period} without
 * a named seat covering it (their peak concurrency when the data has clock times); the {@code
 * options} (keep, trade in, retire; retire is missing when the product is not on Flex or the
 * catalog sells no packs; keep when network seats can no longer be renewed on {@code asOf}; trade
 * in when its window is closed on {@code asOf}) with yearly totals, and the {@code cheapest}. {@code
 * eligibility} states the catalog's dates and what they allow on {@code asOf}. Immutable and
 * thread-safe; nothing is null.
 */
public record TradeInEvaluation(
    ProductId product,
    AnalysisPeriod period,
    long networkSeats,
    long namedSeats,
    long users,
    OptionalLong peakConcurrency,
    List<TradeInOption> options,
    TradeInOption cheapest,
    List<String> notes,
    LocalDate asOf,
    String eligibility) {
  public TradeInEvaluation {
    checkNotNull(asOf, "asOf");
    checkNotNull(eligibility, "eligibility");
    checkNotNull(product, "product");
    checkNotNull(period, "period");
    checkNotNull(peakConcurrency, "peakConcurrency");
    options = List.copyOf(options);
    checkNotNull(cheapest, "cheapest");
    notes = List.copyOf(notes);
    checkArgument(options.contains(cheapest), "the cheapest option must be one of the options");
    for (TradeInOption o : options) {
      checkArgument(
          !o.annualTotal().isLessThan(cheapest.annualTotal()),
          "%s is cheaper than the cheapest %s", o, cheapest);
    }
  }

  /** An evaluation with no dates stated (decided on the period's end). */
  public TradeInEvaluation(
      ProductId product,
      AnalysisPeriod period,
      long networkSeats,
      long namedSeats,
      long users,
      OptionalLong peakConcurrency,
      List<TradeInOption> options,
      TradeInOption cheapest,
      List<String> notes) {
    this(product, period, networkSeats, namedSeats, users, peakConcurrency, options, cheapest, notes,
        period.to(), "the catalog states no network retirement or trade-in dates");
  }

  /** The option of the given kind, if evaluated. */
  public java.util.Optional<TradeInOption> option(TradeInOption.Choice choice) {
    return options.stream().filter(o -> o.choice() == choice).findFirst();
  }
}
