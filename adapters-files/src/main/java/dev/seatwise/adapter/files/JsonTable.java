package dev.seatwise.adapter.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seatwise.application.port.out.UsageImportException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A JSON export as rows: a top-level array of flat objects, or an object holding such an array
 * under some key (the first array of objects found, e.g. {@code {"data": [...]}}). The header is
 * the union of the objects' keys in order of first appearance; each object is a row, its line the
 * line its {@code {} starts on. Nested values are kept as their JSON text; {@code null} is blank.
 */
final class JsonTable {
  /**
   * The mapper, built on first use (a holder class): {@link #isJson}, which format detection asks
   * of every usage file, needs none, and building one is a good part of a short run's start.
   */
  private static final class Jackson {
    /**
     * Numbers with a fraction or exponent are read as written ({@code 10.0} stays {@code 10.0},
     * {@code 1e400} is {@code 1E+400}, not the double {@code Infinity}), so that a rejected cell is
     * quoted as the file holds it.
     */
    static final ObjectMapper MAPPER =
        com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    static final JsonFactory FACTORY = MAPPER.getFactory();
  }

  private JsonTable() {}

  /** Whether the first non-blank character of the text is {@code [} or {@code {}. */
  static boolean isJson(Path file, String name) {
    for (String line : TextInput.head(file, name, 5)) {
      String s = line.strip();
      if (!s.isEmpty()) {
        return s.charAt(0) == '[' || s.charAt(0) == '{';
      }
    }
    return false;
  }

  private record Record(long line, ObjectNode object) {}

  /** The header of the file: the keys of its objects, in order of first appearance. */
  static List<String> header(Path file, String name) {
    return header(records(file, name));
  }

  /**
   * Reads every object as a row bound to {@code spec}.
   *
   * @throws UsageImportException when the JSON is malformed, holds no objects, or lacks a
   *     required field
   */
  static HeaderSpec.Header read(Path file, String name, HeaderSpec spec, CsvTable.RowHandler handler) {
    List<Record> records = records(file, name);
    List<String> header = header(records);
    HeaderSpec.Header bound = spec.bind(header, name);
    for (Record r : records) {
      List<String> fields = new ArrayList<>(header.size());
      for (String key : header) {
        JsonNode v = r.object().get(key);
        fields.add(v == null || v.isNull() ? "" : v.isValueNode() ? text(v) : v.toString());
      }
      handler.row(r.line(), fields, bound);
    }
    return bound;
  }

  /**
   * A value's text: as written, except that a whole number written with an exponent ({@code 1e3},
   * which a {@link java.math.BigDecimal} would give as {@code 1E+3}) is given in digits when it
   * has at most 19 of them ({@code 1000}), as it was when numbers were read as doubles; a larger one
   * keeps its exponent ({@code 1E+400}), so that a rejected cell is quoted as the file holds it.
   */
  private static String text(JsonNode v) {
    if (v.isBigDecimal()) {
      java.math.BigDecimal d = v.decimalValue();
      if (d.scale() < 0 && (long) d.precision() - d.scale() <= 19) {
        return d.toPlainString();
      }
    }
    return v.asText();
  }

  private static List<String> header(List<Record> records) {
    Set<String> keys = new LinkedHashSet<>();
    for (Record r : records) {
      r.object().fieldNames().forEachRemaining(keys::add);
    }
    return new ArrayList<>(keys);
  }

  private static List<Record> records(Path file, String name) {
    try (BufferedReader in = TextInput.open(file, name);
        JsonParser p = Jackson.FACTORY.createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_OBJECT) {
        // an envelope: find its first array of objects
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          JsonToken value = p.nextToken();
          if (value == JsonToken.START_ARRAY) {
            return array(p, name);
          }
          p.skipChildren();
        }
        throw new UsageImportException(name + ": the JSON object holds no array of records");
      }
      if (first != JsonToken.START_ARRAY) {
        throw new UsageImportException(name + ": not a JSON array or object of records");
      }
      return array(p, name);
    } catch (JsonParseException e) {
      throw new UsageImportException(
          name + ":" + e.getLocation().getLineNr() + ": malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The objects of the array {@code p} stands at the start of. */
  private static List<Record> array(JsonParser p, String name) throws IOException {
    List<Record> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new UsageImportException(name + ": the JSON ends inside the array of records");
      }
      long line = p.currentTokenLocation().getLineNr();
      if (t != JsonToken.START_OBJECT) {
        throw new UsageImportException(
            name + ":" + line + ": a record must be a JSON object, not " + t.asString());
      }
      JsonNode node = Jackson.MAPPER.readTree(p);
      out.add(new Record(line, (ObjectNode) node));
    }
    if (out.isEmpty()) {
      throw new UsageImportException(name + ": the JSON holds no records");
    }
    return out;
  }
}
