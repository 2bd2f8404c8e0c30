package dev.seatwise.domain.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code seats} named-user seats of an offering (a product or a bundle) for <em>one</em> term: the
 * term is billed once, at {@code pricePerSeat} (the price in force on {@code start}, or a negotiated
 * one), for the whole term {@code [start, start + term)}; the seats are usable on the days {@code
 * [start, end)}, where {@code end} is the term's end or an earlier cancellation. {@code assignees}
 * are users assigned to the offering through this holding: a plan's seats of one offering are
 * pooled across its holdings, and who sits on which seat each day is {@link PlanEvaluation}'s rule.
 * A subscription renewed over several terms is several holdings, one per term, each at the price
 * in force on its renewal date ({@link #renewals}).
 *
 * <p>Immutable and thread-safe; nothing is null.
 */
public record SeatHolding(
    String id,
    ProductId offering,
    Term term,
    LocalDate start,
    LocalDate end,
    long seats,
    Money pricePerSeat,
    List<Assignee> assignees) {

  public SeatHolding {
    checkNotNull(id, "id");
    checkNotNull(offering, "offering");
    checkNotNull(term, "term");
    checkNotNull(start, "start");
    checkNotNull(end, "end");
    checkNotNull(pricePerSeat, "pricePerSeat");
    checkArgument(seats >= 0, "seats of %s must be >= 0 but was %s", id, seats);
    checkArgument(!pricePerSeat.isNegative(), "price of %s must be >= 0: %s", id, pricePerSeat);
    checkArgument(start.isBefore(end), "holding %s must end after it starts: %s..%s", id, start, end);
    checkArgument(
        !end.isAfter(start.plusMonths(term.months())),
        "holding %s runs %s..%s, past its %s term; split it into terms (SeatHolding.renewals)",
        id,
        start,
        end,
        term);
    assignees = List.copyOf(assignees);
  }

  /** The day after the billed term: {@code start + term}. */
  public LocalDate termEnd() {
    return start.plusMonths(term.months());
  }

  /** Whether the seats cover anyone on {@code day}. */
  public boolean isActiveOn(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(end);
  }

  /**
   * The catalog's named-user price of {@code offering} for {@code term} in force on {@code day}
   * (the latest version effective on or before it; before the first version, the first); empty when
   * that version does not sell the offering on that term.
   */
  public static Optional<Money> catalogPrice(
      CatalogHistory history, ProductId offering, Term term, LocalDate day) {
    return namedPrices(versionOn(history, day), offering).flatMap(p -> p.forTerm(term));
  }

  /**
   * A subscription held from {@code start} to {@code end}, as one holding per term, each priced at
   * the catalog version in force on its own start (renewal) date. {@code end} is exclusive (the
   * renewal or cancellation date): an end one day past a term starts, and bills, another whole
   * term. The last term may be cut short by {@code end}; it is still billed whole.
   *
   * @throws IllegalArgumentException when a version in force on a renewal date has no price for the
   *     offering on that term
   */
  public static List<SeatHolding> renewals(
      String id,
      ProductId offering,
      Term term,
      LocalDate start,
      LocalDate end,
      long seats,
      List<Assignee> assignees,
      CatalogHistory history) {
    checkNotNull(history, "history");
    return renewals(
        id,
        offering,
        term,
        start,
        end,
        seats,
        assignees,
        day ->
            catalogPrice(history, offering, term, day)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no " + term + " price for " + offering + " in force on " + day)));
  }

  /**
   * A subscription held from {@code start} to {@code end}, as one holding per term (ids {@code id},
   * {@code id#2}, ...), each priced per seat at {@code priceOn} its own start (renewal) date, as
   * {@link #renewals(String, ProductId, Term, LocalDate, LocalDate, long, List, CatalogHistory)}
   * does with the catalog's prices.
   */
  public static List<SeatHolding> renewals(
      String id,
      ProductId offering,
      Term term,
      LocalDate start,
      LocalDate end,
      long seats,
      List<Assignee> assignees,
      java.util.function.Function<LocalDate, Money> priceOn) {
    checkArgument(start.isBefore(end), "subscription %s must end after it starts", id);
    checkNotNull(priceOn, "priceOn");
    List<SeatHolding> out = new ArrayList<>();
    LocalDate s = start;
    int k = 0;
    while (s.isBefore(end)) {
      // each term runs from its own start (renewal) date, as SeatHolding#termEnd does: anchoring on
      // the first start would make a term from the 29th to the 31st overrun its month
      LocalDate termEnd = s.plusMonths(term.months());
      LocalDate e = termEnd.isBefore(end) ? termEnd : end;
      Money price = priceOn.apply(s);
      out.add(
          new SeatHolding(
              k == 0 ? id : id + "#" + (k + 1), offering, term, s, e, seats, price, assignees));
      s = termEnd;
      k++;
    }
    return out;
  }

  static Catalog versionOn(CatalogHistory history, LocalDate day) {
    return history.versionOn(day).orElse(history.versions().get(0));
  }

  static Optional<Prices> namedPrices(Catalog catalog, ProductId offering) {
    Optional<Bundle> bundle = catalog.bundle(offering);
    if (bundle.isPresent()) {
      return Optional.of(bundle.get().namedUser());
    }
    return catalog.product(offering).flatMap(Product::namedUser);
  }
}
