package dev.seatwise.adapter.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the response records of the contract as pretty-printed JSON with Jackson's streaming
 * generator only: the same bytes as {@link JsonMapperFactory}'s mapper with its default pretty
 * printer (the tests compare the two on every response type), without building the mapper and its
 * serializers by introspection, which is most of what a short command-line run spent on its JSON.
 *
 * <p>What it knows is what the records of {@code dto} use, by the mapper's rules: a record is an
 * object of its components in declaration order, named by {@link JsonProperty} when given and left
 * out by {@link JsonInclude} ({@code NON_NULL}: when null; {@code NON_EMPTY}: also an empty string,
 * list or map); money ({@link BigDecimal}) as a plain number at two decimals when exact ({@link
 * Amounts#atTwoDecimals}); {@code java.time} values as their ISO-8601 strings; lists as
 * arrays; maps with string keys as objects in their own order. Any other type is an {@link
 * IllegalArgumentException} (a record that needs another type needs a rule here first). Thread-safe.
 */
public final class ContractJson {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  /** The components of each record type, found once. */
  private static final ClassValue<Property[]> PROPERTIES =
      new ClassValue<>() {
        @Override
        protected Property[] computeValue(Class<?> type) {
          return properties(type);
        }
      };

  private ContractJson() {}

  /**
   * Writes {@code value} to {@code out}, pretty-printed as the mapper's default pretty printer does,
   * flushes and leaves {@code out} open; no line break after it.
   */
  public static void write(Object value, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      value(g, value);
      g.flush();
    }
  }

  /** {@code value} as a pretty-printed JSON string (as {@link #write}). */
  public static String toString(Object value) {
    StringWriter s = new StringWriter();
    try {
      write(value, s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s.toString();
  }

  /**
   * Gets ready to write records of {@code type}: finds the components of it and of every record
   * type it holds (in lists and maps too), and loads the generator's classes by writing a little to
   * nowhere. Writing is the same without it, only its first call is slower; a caller that has time
   * to spare on another thread (the answer being computed) calls this there.
   */
  public static void prepare(Class<?> type) {
    prepare(type, new HashSet<>());
    try {
      write(Map.of("a", List.of(BigDecimal.ONE, 1L, 1, 1.5, true, "b", LocalDate.EPOCH)),
          Writer.nullWriter());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void prepare(Type type, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof ParameterizedType p) {
      for (Type argument : p.getActualTypeArguments()) {
        prepare(argument, seen);
      }
    } else if (type instanceof Class<?> c && c.isRecord()) {
      PROPERTIES.get(c);
      for (RecordComponent rc : c.getRecordComponents()) {
        prepare(rc.getGenericType(), seen);
      }
    }
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(Amounts.atTwoDecimals(d));
    } else if (v instanceof Long l) {
      g.writeNumber(l.longValue());
    } else if (v instanceof Integer i) {
      g.writeNumber(i.intValue());
    } else if (v instanceof Double d) {
      g.writeNumber(d.doubleValue());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof LocalDate
        || v instanceof YearMonth
        || v instanceof Instant
        || v instanceof Duration
        || v instanceof Period) {
      g.writeString(v.toString());
    } else if (v instanceof Record r) {
      record(g, r);
    } else if (v instanceof Collection<?> c) {
      g.writeStartArray(c, c.size());
      for (Object item : c) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject(m, m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("a JSON object's keys are strings, not " + e.getKey());
        }
        g.writeFieldName(key);
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof BigInteger i) {
      g.writeNumber(i);
    } else {
      throw new IllegalArgumentException("no JSON rule for " + v.getClass().getName());
    }
  }

  private static void record(JsonGenerator g, Record r) throws IOException {
    g.writeStartObject(r);
    for (Property p : PROPERTIES.get(r.getClass())) {
      Object v = p.get(r);
      if (p.include.omits(v)) {
        continue;
      }
      g.writeFieldName(p.name);
      value(g, v);
    }
    g.writeEndObject();
  }

  private static Property[] properties(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    if (components == null) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    Property[] all = new Property[components.length];
    for (int i = 0; i < components.length; i++) {
      Method accessor = components[i].getAccessor();
      accessor.setAccessible(true);
      JsonProperty named = accessor.getAnnotation(JsonProperty.class);
      String name =
          named != null && !named.value().isEmpty() ? named.value() : components[i].getName();
      JsonInclude include = accessor.getAnnotation(JsonInclude.class);
      all[i] = new Property(name, accessor, Include.of(include, type, name));
    }
    return all;
  }

  /** When a component is left out. */
  private enum Include {
    ALWAYS,
    NON_NULL,
    NON_EMPTY;

    static Include of(JsonInclude annotation, Class<?> type, String name) {
      if (annotation == null) {
        return ALWAYS;
      }
      switch (annotation.value()) {
        case ALWAYS:
        case USE_DEFAULTS:
          return ALWAYS;
        case NON_NULL:
          return NON_NULL;
        case NON_EMPTY:
          return NON_EMPTY;
        default:
          throw new IllegalArgumentException(
              "no JSON rule for @JsonInclude(" + annotation.value() + ") on " + type.getName()
                  + "." + name);
      }
    }

    boolean omits(Object v) {
      switch (this) {
        case NON_NULL:
          return v == null;
        case NON_EMPTY:
          return v == null
              || (v instanceof String s && s.isEmpty())
              || (v instanceof Collection<?> c && c.isEmpty())
              || (v instanceof Map<?, ?> m && m.isEmpty());
        default:
          return false;
      }
    }
  }

  private static final class Property {
    final String name;
    final Method accessor;
    final Include include;

    Property(String name, Method accessor, Include include) {
      this.name = name;
      this.accessor = accessor;
      this.include = include;
    }

    Object get(Record r) {
      try {
        return accessor.invoke(r);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(cause);
      }
    }
  }
}
