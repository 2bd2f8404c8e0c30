package dev.seatwise.application.port.in;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.port.out.GroupBy;
import java.util.List;

/**
 * Every scenario's cost split by team or cost centre, by the stated {@code rule}, so that each
 * scenario's groups sum exactly to its total. Groups are in name order, with {@link #NO_GROUP}
 * (users the identity map gives no group) and {@link #UNASSIGNED} (seats nobody holds, costs no
 * usage explains) last. Immutable and thread-safe; nothing is null.
 */
public record Chargeback(GroupBy by, String rule, List<GroupCost> groups) {
  /** The group of users without a team or cost centre. */
  public static final String NO_GROUP = "(none)";

  /** The group of seats held by nobody and of costs that no group's usage explains. */
  public static final String UNASSIGNED = "(unassigned)";

  /** The rule, in words, that every front end shows beside the table. */
  public static final String RULE =
      "a named seat is charged to its holder's group (a held seat nobody is assigned to:"
          + " (unassigned)); Flex tokens at the purchase's average unit price to the groups that"
          + " burned them; shared lines (network seats, pool capacity) in proportion to the groups'"
          + " usage of the product; every split rounded to the cent by largest remainder, so each"
          + " scenario's groups sum exactly to its total";

  public Chargeback {
    requireNonNull(by, "by");
    requireNonNull(rule, "rule");
    groups = List.copyOf(groups);
  }
}
