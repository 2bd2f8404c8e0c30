package dev.seatwise.application.service;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import dev.seatwise.domain.money.Money;
import dev.seatwise.domain.plan.Assignee;
import dev.seatwise.domain.plan.Plan;
import dev.seatwise.domain.plan.SeatHolding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The seats of the held subscriptions as a {@link Plan} for coverage only: each subscription is
 * one holding per term over {@code [start, end)}, its offering's assigned users its assignees
 * throughout (entitlement assignments carry no dates), at a price of zero (the forecast uses the
 * plan's coverage, never its cost). No lots: the forecast's ledger holds them.
 */
final class HeldSeats {
  private HeldSeats() {}

  static Plan plan(Entitlements held, CatalogHistory catalogs, Catalog catalog) {
    Money zero = Money.zero(catalog.currency());
    List<SeatHolding> seats = new ArrayList<>();
    List<Subscription> subscriptions = held.subscriptions();
    for (int i = 0; i < subscriptions.size(); i++) {
      Subscription s = subscriptions.get(i);
      List<Assignee> assignees = new ArrayList<>();
      for (SeatAssignment a : held.assignments()) {
        if (a.offering().equals(s.offering())) {
          assignees.add(Assignee.throughout(a.user()));
        }
      }
      LocalDate start = s.start();
      int k = 0;
      while (start.isBefore(s.end())) {
        LocalDate termEnd = start.plusMonths(s.term().months());
        LocalDate end = termEnd.isBefore(s.end()) ? termEnd : s.end();
        seats.add(
            new SeatHolding(
                s.id() + "#" + i + "." + k, s.offering(), s.term(), start, end, s.seats(), zero,
                assignees));
        start = end;
        k++;
      }
    }
    return new Plan(catalog.currency(), seats, List.of(), List.of());
  }
}
