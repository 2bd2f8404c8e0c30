package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.UsageImportException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns a CSV format needs, each with the header names (aliases) it is known by. Headers
 * match ignoring case, spaces, underscores, hyphens and dots, so {@code Day used}, {@code day_used}
 * and {@code DAY-USED} are one column. Some columns are alternatives (a user may be given by e-mail
 * or by hashed id): a group is satisfied when any of its columns is present. Immutable.
 */
final class HeaderSpec {
  /** One logical column and the header names it is known by. */
  record Column(String name, List<String> aliases, boolean required) {}

  private final String format;
  private final List<Column> columns;
  private final List<List<String>> oneOfGroups;

  private HeaderSpec(String format, List<Column> columns, List<List<String>> oneOfGroups) {
    this.format = format;
    this.columns = List.copyOf(columns);
    this.oneOfGroups = List.copyOf(oneOfGroups);
  }

  static Builder builder(String format) {
    return new Builder(format);
  }

  static String normalize(String header) {
    StringBuilder sb = new StringBuilder(header.length());
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '\uFEFF' || c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t' || c == '"'
          || Character.isWhitespace(c) || c == '\u00A0') {
        continue;
      }
      sb.append(c);
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  List<Column> columns() {
    return columns;
  }

  /** How many of the required columns and groups {@code header} satisfies, and whether all. */
  boolean matches(List<String> header) {
    return missing(index(header)).isEmpty();
  }

  /**
   * Binds a header row.
   *
   * @throws UsageImportException listing expected and found columns when a required one is missing
   */
  Header bind(List<String> header, String file) {
    Map<String, Integer> idx = index(header);
    List<String> missing = missing(idx);
    if (!missing.isEmpty()) {
      throw new UsageImportException(
          file
              + ": not a valid "
              + format
              + " file: missing required column(s) "
              + missing
              + "; expected "
              + describe()
              + "; found "
              + Limits.quote(header.toString()));
    }
    return new Header(idx, header);
  }

  private Map<String, Integer> index(List<String> header) {
    Map<String, Integer> byNormal = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      byNormal.putIfAbsent(normalize(header.get(i)), i);
    }
    Map<String, Integer> idx = new LinkedHashMap<>();
    for (Column c : columns) {
      for (String alias : c.aliases()) {
        Integer i = byNormal.get(normalize(alias));
        if (i != null) {
          idx.put(c.name(), i);
          break;
        }
      }
    }
    return idx;
  }

  private List<String> missing(Map<String, Integer> idx) {
    List<String> missing = new ArrayList<>();
    for (Column c : columns) {
      if (c.required() && !idx.containsKey(c.name())) {
        missing.add(c.name());
      }
    }
    for (List<String> group : oneOfGroups) {
      if (group.stream().noneMatch(idx::containsKey)) {
        missing.add(String.join(" or ", group));
      }
    }
    return missing;
  }

  /** E.g. {@code user (user|username|email), product (...)}. */
  String describe() {
    StringBuilder sb = new StringBuilder("[");
    for (Column c : columns) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(c.name()).append(c.required() ? "" : "?");
      sb.append(" (").append(String.join("|", c.aliases())).append(')');
    }
    sb.append(']');
    if (!oneOfGroups.isEmpty()) {
      sb.append(" with at least one of ");
      for (List<String> g : oneOfGroups) {
        sb.append(g);
      }
    }
    return sb.toString();
  }

  /** A header row bound to the spec: where each logical column sits. */
  static final class Header {
    private final Map<String, Integer> idx;
    private final List<String> found;

    private Header(Map<String, Integer> idx, List<String> found) {
      this.idx = idx;
      this.found = List.copyOf(found);
    }

    boolean has(String column) {
      return idx.containsKey(column);
    }

    List<String> found() {
      return found;
    }

    /** The trimmed value of {@code column} in {@code fields}; empty when absent or short row. */
    String get(List<String> fields, String column) {
      Integer i = idx.get(column);
      if (i == null || i >= fields.size()) {
        return "";
      }
      return fields.get(i).strip();
    }
  }

  static final class Builder {
    private final String format;
    private final List<Column> columns = new ArrayList<>();
    private final List<List<String>> groups = new ArrayList<>();

    private Builder(String format) {
      this.format = format;
    }

    Builder required(String name, String... aliases) {
      columns.add(new Column(name, withName(name, aliases), true));
      return this;
    }

    Builder optional(String name, String... aliases) {
      columns.add(new Column(name, withName(name, aliases), false));
      return this;
    }

    /** At least one of these (optional) columns must be present. */
    Builder oneOf(String... names) {
      groups.add(List.of(names));
      return this;
    }

    HeaderSpec build() {
      return new HeaderSpec(format, columns, groups);
    }

    private static List<String> withName(String name, String... aliases) {
      List<String> all = new ArrayList<>();
      all.add(name);
      all.addAll(Arrays.asList(aliases));
      return all;
    }
  }
}
