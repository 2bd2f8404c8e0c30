package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.ProductId;
import java.util.List;
import java.util.OptionalLong;

/**
 * The trade-in what-if for {@code product}: {@code users} people used it in {@code period} without
 * a named seat covering it (their peak concurrency when the data has clock times); the {@code
 * options} (keep, trade in, retire; retire is missing when the product is not on Flex or the
 * catalog sells no packs) with yearly totals, and the {@code cheapest}. Immutable and thread-safe;
 * nothing is null.
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
    List<String> notes) {
  public TradeInEvaluation {
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

  /** The option of the given kind, if evaluated. */
  public java.util.Optional<TradeInOption> option(TradeInOption.Choice choice) {
    return options.stream().filter(o -> o.choice() == choice).findFirst();
  }
}
