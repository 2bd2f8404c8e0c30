package dev.seatwise.adapter.json;

import static java.util.Objects.requireNonNull;

import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.adapter.json.dto.ScenarioDto;
import dev.seatwise.adapter.json.dto.UncoveredDto;
import dev.seatwise.adapter.json.dto.UserDto;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Privacy mode: replaces user identifiers (e-mails, names, hashed ids) in output with pseudonyms
 * {@code user-<12 hex>}, an HMAC-SHA256 of the identifier under a key. The same identifier gets the
 * same pseudonym under the same key, so one report stays consistent; without the key a pseudonym
 * cannot be checked against a list of e-mail addresses. Immutable and thread-safe.
 */
public final class Pseudonyms {
  private static final String ALGORITHM = "HmacSHA256";
  private final byte[] key;

  private Pseudonyms(byte[] key) {
    this.key = key.clone();
  }

  /** Pseudonyms under {@code key} (e.g. from an environment variable, to compare runs). */
  public static Pseudonyms withKey(String key) {
    requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("privacy key must not be empty");
    }
    return new Pseudonyms(key.getBytes(StandardCharsets.UTF_8));
  }

  /** Pseudonyms under a random key: consistent within one run only. */
  public static Pseudonyms random() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new Pseudonyms(key);
  }

  /** The pseudonym of {@code id}. */
  public String of(String id) {
    requireNonNull(id, "id");
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      byte[] digest = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
      return "user-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  /**
   * {@code response} with every user's identifier replaced by its pseudonym, in the users, the
   * current plan's uncovered use, and wherever notes and scenario lines name a user.
   */
  public ComparisonResponse apply(ComparisonResponse response) {
    Map<String, String> ids = new TreeMap<>();
    for (UserDto u : response.users()) {
      ids.put(u.user(), of(u.user()));
    }
    for (ScenarioDto s : response.scenarios()) {
      if (s.uncovered() != null) {
        for (UncoveredDto u : s.uncovered()) {
          ids.put(u.user(), of(u.user()));
        }
      }
    }
    List<String> longestFirst = new ArrayList<>(ids.keySet());
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    List<UserDto> users = new ArrayList<>(response.users().size());
    for (UserDto u : response.users()) {
      users.add(
          new UserDto(
              ids.get(u.user()),
              u.usage(),
              u.assignment(),
              u.cost(),
              u.allNamedCost(),
              u.savings(),
              u.reason()));
    }
    List<ScenarioDto> scenarios = new ArrayList<>();
    for (ScenarioDto s : response.scenarios()) {
      List<UncoveredDto> uncovered = null;
      if (s.uncovered() != null) {
        uncovered = new ArrayList<>();
        for (UncoveredDto u : s.uncovered()) {
          uncovered.add(
              new UncoveredDto(
                  ids.get(u.user()), u.product(), u.windows(), u.tokens(), replace(u.reason(), ids, longestFirst)));
        }
      }
      scenarios.add(
          new ScenarioDto(
              s.name(),
              s.total(),
              s.tokens(),
              s.seats(),
              replaceAll(s.lines(), ids, longestFirst),
              s.holdings(),
              s.purchases(),
              uncovered,
              s.unassignedSeats(),
              s.optimality()));
    }
    // DTOs carry no with-methods: MapStruct would take any one-argument method returning the
    // record's own type for a fluent setter of the target.
    return new ComparisonResponse(
        response.currency(),
        response.period(),
        response.catalog(),
        response.importReport(),
        scenarios,
        users,
        replaceAll(response.notes(), ids, longestFirst),
        response.asOf(),
        response.usageData(),
        response.breakdownBy(),
        response.breakdownRule(),
        response.breakdown());
  }

  private static List<String> replaceAll(List<String> texts, Map<String, String> ids, List<String> order) {
    List<String> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(replace(t, ids, order));
    }
    return out;
  }

  /** {@code text} with each identifier (longest first) replaced by its pseudonym. */
  private static String replace(String text, Map<String, String> ids, List<String> order) {
    String out = text;
    for (String id : order) {
      if (out.contains(id)) {
        out = out.replace(id, ids.get(id));
      }
    }
    return out;
  }
}
