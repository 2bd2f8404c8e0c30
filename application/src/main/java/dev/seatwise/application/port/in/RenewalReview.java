package dev.seatwise.application.port.in;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.money.UnitPrice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The renewal review as of {@code asOf}: {@code actions} ordered by {@link RenewalAction#BY_SAVING}
 * (biggest saving first), judged on {@code history}'s usage scaled to a year (x 365 / its days),
 * with Flex priced at {@code tokenPrice} (the best price per token of any pack, i.e. the marginal
 * price of a large purchase; empty when the catalog sells no packs). Immutable and thread-safe;
 * nothing is null.
 */
public record RenewalReview(
    LocalDate asOf,
    AnalysisPeriod history,
    int idleDays,
    Optional<UnitPrice> tokenPrice,
    List<RenewalAction> actions,
    List<String> notes) {
  public RenewalReview {
    checkNotNull(asOf, "asOf");
    checkNotNull(history, "history");
    checkNotNull(tokenPrice, "tokenPrice");
    List<RenewalAction> sorted = new ArrayList<>(actions);
    sorted.sort(RenewalAction.BY_SAVING);
    checkArgument(sorted.equals(actions), "actions must be ordered by saving");
    actions = List.copyOf(actions);
    notes = List.copyOf(notes);
  }

  public List<RenewalAction> actionsOf(RenewalAction.Kind kind) {
    return actions.stream().filter(a -> a.kind() == kind).toList();
  }
}
