package dev.seatwise.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.adapter.json.dto.ScenarioDto;
import dev.seatwise.adapter.json.mapping.JsonComparisonMapper;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The streaming writer gives the mapper's bytes: every response record of the contract, filled at
 * random (nulls, empty and long lists, odd strings, amounts at many scales), is written by both and
 * compared as text.
 */
class ContractJsonTest {
  private static final ObjectWriter MAPPER =
      JsonMapperFactory.create().writerWithDefaultPrettyPrinter();

  @Test
  void every_response_record_is_written_as_the_mapper_writes_it() throws Exception {
    List<Class<?>> records = dtoRecords();
    assertThat(records).hasSizeGreaterThan(40);
    SplittableRandom random = new SplittableRandom(15);
    int compared = 0;
    for (Class<?> type : records) {
      for (int i = 0; i < 60; i++) {
        Object value = instance(type, random, 0);
        String expected = MAPPER.writeValueAsString(value);
        assertThat(ContractJson.toString(value)).as(type.getSimpleName()).isEqualTo(expected);
        compared++;
      }
    }
    assertThat(compared).isEqualTo(records.size() * 60);
  }

  @Test
  void the_mapped_comparison_sample_is_written_as_the_mapper_writes_it() throws Exception {
    ComparisonResponse response = JsonComparisonMapper.INSTANCE.toResponse(ComparisonJsonTest.sample());
    assertThat(ContractJson.toString(response)).isEqualTo(MAPPER.writeValueAsString(response));
    assertThat(ContractJson.toString(response)).contains("\"import\" : {", "\"total\" : 40600.00");
  }

  @Test
  void omitted_and_empty_components_follow_the_annotations() {
    ScenarioDto s =
        new ScenarioDto("x", new BigDecimal("1.5"), null, Map.of(), List.of(), null, null, null,
            null, null);
    assertThat(ContractJson.toString(s))
        .isEqualTo(
            "{\n  \"name\" : \"x\",\n  \"total\" : 1.50,\n  \"lines\" : [ ],\n"
                + "  \"holdings\" : [ ]\n}");
  }

  @Test
  void a_type_without_a_rule_is_refused() {
    assertThatThrownBy(() -> ContractJson.toString(List.of(new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no JSON rule for java.lang.Object");
  }

  /** Every record in the dto package, from the compiled classes. */
  private static List<Class<?>> dtoRecords() throws URISyntaxException, ClassNotFoundException {
    String pkg = ComparisonResponse.class.getPackageName();
    File dir = new File(ComparisonResponse.class.getResource("ComparisonResponse.class").toURI())
        .getParentFile();
    List<Class<?>> out = new ArrayList<>();
    for (String f : Objects.requireNonNull(dir.list())) {
      if (f.endsWith(".class") && !f.contains("$") && !f.startsWith("package-info")) {
        Class<?> c = Class.forName(pkg + "." + f.substring(0, f.length() - 6));
        if (c.isRecord()) {
          out.add(c);
        }
      }
    }
    out.sort(java.util.Comparator.comparing(Class::getName));
    return out;
  }

  private static Object instance(Class<?> type, SplittableRandom r, int depth) throws Exception {
    RecordComponent[] cs = type.getRecordComponents();
    Class<?>[] types = new Class<?>[cs.length];
    for (int i = 0; i < cs.length; i++) {
      types[i] = cs[i].getType();
    }
    Constructor<?> canonical = type.getDeclaredConstructor(types);
    // a compact constructor may refuse a null (List.copyOf): then again without nulls
    for (int attempt = 0; ; attempt++) {
      Object[] args = new Object[cs.length];
      for (int i = 0; i < cs.length; i++) {
        args[i] = value(cs[i].getGenericType(), r, depth + 1, attempt < 3);
      }
      try {
        return canonical.newInstance(args);
      } catch (java.lang.reflect.InvocationTargetException e) {
        if (attempt > 20) {
          throw e;
        }
      }
    }
  }

  private static Object value(Type t, SplittableRandom r, int depth, boolean nulls)
      throws Exception {
    if (t instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (nulls && r.nextInt(8) == 0) {
        return null;
      }
      int n = depth > 3 ? r.nextInt(2) : r.nextInt(4);
      if (List.class.isAssignableFrom(raw)) {
        List<Object> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          l.add(value(p.getActualTypeArguments()[0], r, depth + 1, false));
        }
        return l;
      }
      if (Map.class.isAssignableFrom(raw)) {
        Map<Object, Object> m = r.nextBoolean() ? new LinkedHashMap<>() : new TreeMap<>();
        for (int i = 0; i < n; i++) {
          m.put(string(r), value(p.getActualTypeArguments()[1], r, depth + 1, false));
        }
        return m;
      }
      throw new AssertionError("no generator for " + t);
    }
    Class<?> c = (Class<?>) t;
    if (c == long.class) {
      return r.nextInt(3) == 0 ? r.nextLong() : (long) r.nextInt(1000);
    }
    if (c == int.class) {
      return r.nextInt(3) == 0 ? r.nextInt() : r.nextInt(100);
    }
    if (c == double.class) {
      return dbl(r);
    }
    if (c == boolean.class) {
      return r.nextBoolean();
    }
    if (nulls && r.nextInt(6) == 0) {
      return null;
    }
    if (c == String.class) {
      return string(r);
    }
    if (c == Long.class) {
      return r.nextLong(-5, 1_000_000_000_000L);
    }
    if (c == Integer.class) {
      return r.nextInt();
    }
    if (c == Double.class) {
      return dbl(r);
    }
    if (c == Boolean.class) {
      return r.nextBoolean();
    }
    if (c == BigDecimal.class) {
      return new BigDecimal(BigInteger.valueOf(r.nextLong(-10_000_000, 10_000_000_000L)),
          r.nextInt(-3, 7));
    }
    if (c == LocalDate.class) {
      return LocalDate.ofEpochDay(r.nextLong(-1000, 60_000));
    }
    if (c == YearMonth.class) {
      return YearMonth.of(r.nextInt(1990, 2100), r.nextInt(1, 13));
    }
    if (c == Instant.class) {
      return Instant.ofEpochSecond(r.nextLong(0, 4_000_000_000L), r.nextInt(3) * 123_000_000L);
    }
    if (c == Duration.class) {
      return Duration.ofSeconds(r.nextLong(0, 10_000_000), r.nextInt(2) * 500_000_000L);
    }
    if (c == Period.class) {
      return Period.of(r.nextInt(3), r.nextInt(14), r.nextInt(40));
    }
    if (c.isRecord()) {
      return instance(c, r, depth);
    }
    throw new AssertionError("no generator for " + c);
  }

  private static double dbl(SplittableRandom r) {
    switch (r.nextInt(6)) {
      case 0:
        return 0.0;
      case 1:
        return r.nextInt(1000);
      case 2:
        return r.nextDouble() * 1e-7;
      case 3:
        return r.nextDouble() * 1e12;
      case 4:
        return Double.NaN;
      default:
        return r.nextDouble() * 100;
    }
  }

  private static final String[] PIECES = {
    "", "a", "ACD", "Zoë", "\"q\"", "back\\slash", "tab\there", "line\nbreak", "\u0001", "€",
    "日本", "=SUM(A1)", " ", "\uD83D\uDE00", "</script>", "x.y@z"
  };

  private static String string(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }
}
