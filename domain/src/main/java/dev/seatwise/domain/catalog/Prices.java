package dev.seatwise.domain.catalog;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Subscription prices by term; the annual price is required. Immutable and thread-safe; nothing is
 * null.
 */
public record Prices(Map<Term, Money> byTerm) {
  public Prices {
    checkNotNull(byTerm, "byTerm");
    checkArgument(byTerm.containsKey(Term.ANNUAL), "an annual price is required: %s", byTerm);
    byTerm = Collections.unmodifiableMap(new EnumMap<>(byTerm));
    var currency = byTerm.get(Term.ANNUAL).currency();
    for (Money m : byTerm.values()) {
      checkArgument(m.currency().equals(currency), "prices must share one currency: %s", byTerm);
      checkArgument(!m.isNegative(), "price must be >= 0: %s", m);
    }
  }

  public static Prices annual(Money annual) {
    return new Prices(Map.of(Term.ANNUAL, annual));
  }

  public Money annual() {
    return byTerm.get(Term.ANNUAL);
  }

  public Optional<Money> forTerm(Term term) {
    return Optional.ofNullable(byTerm.get(term));
  }
}
