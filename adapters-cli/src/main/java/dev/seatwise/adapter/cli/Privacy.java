package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.Pseudonyms;
import dev.seatwise.adapter.json.dto.RenewalActionDto;
import dev.seatwise.adapter.json.dto.IdleSeatDto;
import dev.seatwise.adapter.json.dto.ReviewResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Privacy mode for the answers that name users beside {@code compare} (which Pseudonyms covers).
 */
final class Privacy {
  private Privacy() {}

  static ReviewResponse apply(ReviewResponse r, Pseudonyms pseudonyms) {
    List<String> users = new ArrayList<>();
    for (RenewalActionDto a : r.actions()) {
      if (a.user() != null && !users.contains(a.user())) {
        users.add(a.user());
      }
      for (String u : a.users() == null ? List.<String>of() : a.users()) {
        if (!users.contains(u)) {
          users.add(u);
        }
      }
    }
    for (IdleSeatDto i : r.idleSeats()) {
      if (!users.contains(i.user())) {
        users.add(i.user());
      }
    }
    users.sort(java.util.Comparator.comparingInt(String::length).reversed()); // longest first
    List<RenewalActionDto> actions = new ArrayList<>();
    for (RenewalActionDto a : r.actions()) {
      actions.add(
          new RenewalActionDto(
              a.kind(),
              a.user() == null ? null : pseudonyms.of(a.user()),
              a.offering(),
              a.lot(),
              a.saving(),
              a.actionableOn(),
              hide(a.reason(), users, pseudonyms),
              a.runningTotal(),
              a.users() == null ? null : a.users().stream().map(pseudonyms::of).toList()));
    }
    List<String> notes = new ArrayList<>();
    for (String n : r.notes()) {
      notes.add(hide(n, users, pseudonyms));
    }
    return new ReviewResponse(
        r.currency(),
        r.asOf(),
        r.history(),
        r.idleDays(),
        r.tokenPrice(),
        actions,
        r.importReport(),
        notes,
        r.period(),
        r.current(),
        r.target(),
        r.optimum(),
        r.timingGap(),
        r.idleSeats().stream()
            .map(i -> new IdleSeatDto(pseudonyms.of(i.user()), i.offering(), i.lastUse(), i.unusedDays()))
            .toList());
  }

  /** {@code text} with every known user id replaced by its pseudonym. */
  private static String hide(String text, List<String> users, Pseudonyms pseudonyms) {
    String out = text;
    for (String u : users) {
      out = out.replace(u, pseudonyms.of(u));
    }
    return out;
  }
}
