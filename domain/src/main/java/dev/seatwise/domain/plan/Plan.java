package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.tokens.TokenLot;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an organisation holds, from when to when: named-user seat holdings (each one term, with its
 * assignees), legacy network seats and token lots. A plan is a value: building one never reads a
 * clock, and {@link PlanEvaluation} evaluates it against usage over a period. Holding ids are
 * unique across the plan. Immutable and thread-safe; nothing is null.
 */
public record Plan(
    Currency currency, List<SeatHolding> seats, List<NetworkHolding> network, List<TokenLot> lots) {

  public Plan {
    checkNotNull(currency, "currency");
    seats = List.copyOf(seats);
    network = List.copyOf(network);
    lots = List.copyOf(lots);
    Set<String> ids = new HashSet<>();
    for (SeatHolding s : seats) {
      checkArgument(ids.add(s.id()), "duplicate holding id %s", s.id());
      checkCurrency(currency, s.pricePerSeat(), s.id());
    }
    for (NetworkHolding n : network) {
      checkArgument(ids.add(n.id()), "duplicate holding id %s", n.id());
      checkCurrency(currency, n.annualPerSeat(), n.id());
    }
    for (TokenLot l : lots) {
      checkArgument(ids.add(l.id()), "duplicate holding id %s", l.id());
      checkArgument(
          l.unitPrice().currency().equals(currency), "lot %s is not priced in %s", l.id(), currency);
    }
  }

  private static void checkCurrency(Currency currency, Money m, String id) {
    checkArgument(m.currency().equals(currency), "price of %s is not in %s: %s", id, currency, m);
  }

  /** A plan that holds nothing. */
  public static Plan empty(Currency currency) {
    return new Plan(currency, List.of(), List.of(), List.of());
  }

  public Plan withSeats(List<SeatHolding> more) {
    List<SeatHolding> all = new ArrayList<>(seats);
    all.addAll(more);
    return new Plan(currency, all, network, lots);
  }

  public Plan withSeats(SeatHolding... more) {
    return withSeats(List.of(more));
  }

  public Plan withNetwork(NetworkHolding... more) {
    List<NetworkHolding> all = new ArrayList<>(network);
    all.addAll(List.of(more));
    return new Plan(currency, seats, all, lots);
  }

  public Plan withLots(List<TokenLot> more) {
    List<TokenLot> all = new ArrayList<>(lots);
    all.addAll(more);
    return new Plan(currency, seats, network, all);
  }

  public Plan withLots(TokenLot... more) {
    return withLots(List.of(more));
  }
}
