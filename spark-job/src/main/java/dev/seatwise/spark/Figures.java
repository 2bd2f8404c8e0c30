package dev.seatwise.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * What one replay of a sessions CSV produced, whichever way it ran: rows accepted and rejected (with
 * the rejections counted by {@code "field: reason"}), user × product groups, access windows, tokens,
 * days used and the three scenario totals in US dollars (the optimal one may read {@code refused
 * (...)} when the exact search is too large). Immutable.
 */
public record Figures(
    long sessions,
    long rejected,
    SortedMap<String, Long> rejections,
    int users,
    int groups,
    long windows,
    long tokens,
    long daysUsed,
    String allNamedUsd,
    String allFlexUsd,
    String optimalUsd) {
  public Figures {
    rejections = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(rejections));
    Objects.requireNonNull(allNamedUsd, "allNamedUsd");
    Objects.requireNonNull(allFlexUsd, "allFlexUsd");
    Objects.requireNonNull(optimalUsd, "optimalUsd");
  }

  /** The names of the figures that differ from {@code other}'s (empty when all are equal). */
  public List<String> differences(Figures other) {
    List<String> out = new ArrayList<>();
    diff(out, "sessions", sessions, other.sessions);
    diff(out, "rejected", rejected, other.rejected);
    diff(out, "rejections", rejections, other.rejections);
    diff(out, "users", users, other.users);
    diff(out, "groups", groups, other.groups);
    diff(out, "windows", windows, other.windows);
    diff(out, "tokens", tokens, other.tokens);
    diff(out, "days_used", daysUsed, other.daysUsed);
    diff(out, "all_named_usd", allNamedUsd, other.allNamedUsd);
    diff(out, "all_flex_usd", allFlexUsd, other.allFlexUsd);
    diff(out, "optimal_usd", optimalUsd, other.optimalUsd);
    return out;
  }

  private static void diff(List<String> out, String name, Object a, Object b) {
    if (!a.equals(b)) {
      out.add(name + " (" + a + " vs " + b + ")");
    }
  }
}
