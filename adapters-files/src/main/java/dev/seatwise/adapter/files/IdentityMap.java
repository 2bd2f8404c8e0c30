package dev.seatwise.adapter.files;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.port.out.GroupBy;
import dev.seatwise.application.port.out.OrganisationPort;
import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.domain.usage.UserId;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who is who across sources: maps FlexLM logins ({@code user@host}), Autodesk e-mails and hashed
 * ids to one {@link Person}, so that one person is one {@link UserId} whichever file saw them.
 * Read from a CSV with columns {@code flexlm_user, host, email, hashed_id, person, team,
 * cost_centre} (docs/import-formats.md). Keys compare ignoring case.
 *
 * <p><b>Privacy mode</b> (the {@code privacy} argument): a person known by a hashed id is output
 * as that hashed id, never by name or e-mail, and a row that carries a hashed id is never resolved
 * to an e-mail. Without privacy mode a mapped person is output by their {@code person} name.
 *
 * <p>As the {@link OrganisationPort} it gives each person's team and cost centre to a chargeback.
 *
 * <p>Immutable and thread-safe; no argument may be null and nothing returned is null.
 */
public final class IdentityMap implements OrganisationPort {
  /** The map that knows nobody: every identifier stands for itself. */
  public static final IdentityMap EMPTY =
      new IdentityMap(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of());

  static final HeaderSpec SPEC =
      HeaderSpec.builder("identity map")
          .optional("flexlm_user", "flexlm user", "login", "username")
          .optional("host", "hostname", "flexlm_host")
          .optional("email", "e-mail", "mail")
          .optional("hashed_id", "hashed_autodesk_id", "hashedid")
          .required("person", "name", "user")
          .optional("team", "group")
          .optional("cost_centre", "cost_center", "costcentre")
          .oneOf("flexlm_user", "email", "hashed_id")
          .build();

  private final Map<String, Person> byFlexlmAtHost;
  private final Map<String, Person> byFlexlm;
  private final Map<String, Person> byEmail;
  private final Map<String, Person> byHashed;
  private final Map<String, Person> byName;
  private final List<Person> persons;

  private IdentityMap(
      Map<String, Person> byFlexlmAtHost,
      Map<String, Person> byFlexlm,
      Map<String, Person> byEmail,
      Map<String, Person> byHashed,
      Map<String, Person> byName,
      List<Person> persons) {
    this.byFlexlmAtHost = Map.copyOf(byFlexlmAtHost);
    this.byFlexlm = Map.copyOf(byFlexlm);
    this.byEmail = Map.copyOf(byEmail);
    this.byHashed = Map.copyOf(byHashed);
    this.byName = Map.copyOf(byName);
    this.persons = List.copyOf(persons);
  }

  /**
   * Reads an identity map CSV. A bad row is always fatal: a wrong identity would silently merge or
   * split people.
   *
   * @throws UsageImportException naming file, line and field
   */
  public static IdentityMap read(Path csv) {
    requireNonNull(csv, "csv");
    String name = csv.toString();
    Map<String, Person> persons = new LinkedHashMap<>();
    Map<String, String> flexAtHost = new HashMap<>();
    Map<String, String> flex = new HashMap<>();
    Map<String, String> email = new HashMap<>();
    Map<String, String> hashed = new HashMap<>();
    CsvTable.read(
        csv,
        name,
        SPEC,
        (line, fields, h) -> {
          String person = h.get(fields, "person");
          if (person.isEmpty()) {
            throw fail(name, line, "person", "missing value");
          }
          String key = lower(person);
          Optional<String> hid = opt(h.get(fields, "hashed_id"));
          Optional<String> mail = opt(h.get(fields, "email")).map(IdentityMap::lower);
          String login = lower(h.get(fields, "flexlm_user"));
          String host = lower(h.get(fields, "host"));
          if (login.isEmpty() && mail.isEmpty() && hid.isEmpty()) {
            throw fail(name, line, "", "row maps nothing: give flexlm_user, email or hashed_id");
          }
          Person before = persons.get(key);
          Person merged = merge(before, person, hid, mail, opt(h.get(fields, "team")),
              opt(h.get(fields, "cost_centre")), name, line);
          persons.put(key, merged);
          if (!login.isEmpty()) {
            claim(host.isEmpty() ? flex : flexAtHost, host.isEmpty() ? login : login + "@" + host,
                key, persons, name, line, "flexlm_user");
          }
          mail.ifPresent(m -> claim(email, m, key, persons, name, line, "email"));
          hid.ifPresent(x -> claim(hashed, lower(x), key, persons, name, line, "hashed_id"));
        });
    return new IdentityMap(
        resolve(flexAtHost, persons), resolve(flex, persons), resolve(email, persons),
        resolve(hashed, persons), persons, new java.util.ArrayList<>(persons.values()));
  }

  /**
   * The user for a FlexLM login: the mapped person (by {@code user@host}, then by {@code user}
   * alone), otherwise the login name in lower case (Windows logins ignore case).
   */
  public UserId flexlmUser(String user, String host, boolean privacy) {
    String u = lower(user);
    Person p = byFlexlmAtHost.get(u + "@" + lower(host));
    if (p == null) {
      p = byFlexlm.get(u);
    }
    return p == null ? UserId.of(u) : idOf(p, privacy);
  }

  /**
   * The user for an Autodesk Account row that has an e-mail, a hashed id, or both: the mapped
   * person (by hashed id, then e-mail), otherwise the e-mail in lower case or, in privacy mode or
   * without an e-mail, the hashed id.
   *
   * @throws IllegalArgumentException when both are empty
   */
  public UserId accountUser(Optional<String> email, Optional<String> hashedId, boolean privacy) {
    Optional<String> mail = email.map(IdentityMap::lower).filter(s -> !s.isEmpty());
    Optional<String> hid = hashedId.map(String::strip).filter(s -> !s.isEmpty());
    Person p = hid.map(h -> byHashed.get(lower(h))).orElse(null);
    if (p == null && mail.isPresent()) {
      p = byEmail.get(mail.get());
    }
    if (p != null) {
      return idOf(p, privacy);
    }
    if (hid.isPresent() && (privacy || mail.isEmpty())) {
      return UserId.of(hid.get());
    }
    return UserId.of(mail.orElseThrow(() -> new IllegalArgumentException("no e-mail or hashed id")));
  }

  /**
   * The user for an identifier of unknown kind (the seatwise sessions CSV): a hashed id, e-mail,
   * FlexLM login or person name of the map; otherwise the identifier as given.
   */
  public UserId anyUser(String raw, boolean privacy) {
    if (byName.isEmpty()) {
      return UserId.of(raw);
    }
    String k = lower(raw);
    Person p = byHashed.get(k);
    if (p == null) {
      p = byEmail.get(k);
    }
    if (p == null) {
      p = byFlexlm.get(k);
    }
    if (p == null) {
      p = byFlexlmAtHost.get(k);
    }
    if (p == null) {
      p = byName.get(k);
    }
    return p == null ? UserId.of(raw) : idOf(p, privacy);
  }

  /** The person behind an output user id (their name or, in privacy mode, their hashed id). */
  public Optional<Person> person(UserId user) {
    String k = lower(user.value());
    Person p = byName.get(k);
    return Optional.ofNullable(p != null ? p : byHashed.get(k));
  }

  /**
   * The team or cost centre of the person behind an output user id (see {@link #person}); empty
   * when the map does not know the user or gives them none. This is how the map's {@code team}
   * and {@code cost_centre} columns reach a chargeback.
   */
  @Override
  public Optional<String> groupOf(UserId user, GroupBy by) {
    return person(user).flatMap(p -> by == GroupBy.TEAM ? p.team() : p.costCentre());
  }

  /** Everyone in the map, in file order. */
  public List<Person> persons() {
    return persons;
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  private static UserId idOf(Person p, boolean privacy) {
    return privacy && p.hashedId().isPresent() ? UserId.of(p.hashedId().get()) : UserId.of(p.name());
  }

  private static Person merge(Person before, String name, Optional<String> hid,
      Optional<String> mail, Optional<String> team, Optional<String> cc, String file, long line) {
    if (before == null) {
      return new Person(name, hid, mail, team, cc);
    }
    if (hid.isPresent() && before.hashedId().isPresent()
        && !hid.get().equalsIgnoreCase(before.hashedId().get())) {
      throw fail(file, line, "hashed_id",
          "person '" + name + "' already has hashed id " + before.hashedId().get());
    }
    return new Person(
        before.name(),
        before.hashedId().or(() -> hid),
        before.email().or(() -> mail),
        before.team().or(() -> team),
        before.costCentre().or(() -> cc));
  }

  private static void claim(Map<String, String> index, String key, String person,
      Map<String, Person> persons, String file, long line, String field) {
    String before = index.putIfAbsent(key, person);
    if (before != null && !before.equals(person)) {
      throw fail(file, line, field,
          "'" + key + "' is already mapped to person '" + persons.get(before).name() + "'");
    }
  }

  private static Map<String, Person> resolve(Map<String, String> index, Map<String, Person> ps) {
    Map<String, Person> out = new HashMap<>();
    index.forEach((k, v) -> out.put(k, ps.get(v)));
    return out;
  }

  private static UsageImportException fail(String file, long line, String field, String reason) {
    return new UsageImportException(
        file + ":" + line + (field.isEmpty() ? "" : " [" + field + "]") + ": " + reason);
  }

  private static Optional<String> opt(String s) {
    return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }

  private static String lower(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }
}
