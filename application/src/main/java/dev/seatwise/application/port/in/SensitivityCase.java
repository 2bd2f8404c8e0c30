package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The comparison with one change applied: the {@code dimension} changed by {@code percent}, the
 * resulting {@code scenarios} (as {@link CompareScenariosUseCase} computes them), the {@code
 * cheapest} purchasable one (network seats are compared but can no longer be bought, so they are
 * never the cheapest), the access {@code windows} of the usage compared (for a usage change, the
 * effective change), the products' {@code breakEvens} at the changed prices, and notes. Immutable
 * and thread-safe; nothing is null.
 */
public record SensitivityCase(
    Dimension dimension,
    BigDecimal percent,
    List<Scenario> scenarios,
    Optional<String> cheapest,
    long windows,
    List<ProductBreakEven> breakEvens,
    List<String> notes) {

  /** What was changed. */
  public enum Dimension {
    /** Nothing: the comparison as it is. */
    BASELINE,
    /** The price of every token pack (and of the lots held). */
    TOKEN_PRICE,
    /** Every named-user price: products, bundles and negotiated subscription prices. */
    NAMED_PRICE,
    /** The usage: sessions and days dropped or repeated (see the service for how). */
    USAGE
  }

  public SensitivityCase {
    checkNotNull(dimension, "dimension");
    checkNotNull(percent, "percent");
    scenarios = List.copyOf(scenarios);
    checkNotNull(cheapest, "cheapest");
    breakEvens = List.copyOf(breakEvens);
    notes = List.copyOf(notes);
  }

  /** The total of the named scenario (see {@link Scenario}'s names), if it was priced. */
  public Optional<Money> total(String scenario) {
    return scenarios.stream().filter(s -> s.name().equals(scenario)).map(Scenario::total).findFirst();
  }
}
