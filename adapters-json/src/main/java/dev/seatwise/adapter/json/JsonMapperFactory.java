package dev.seatwise.adapter.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The one Jackson configuration of the contract: java.time values as ISO-8601 strings (never
 * timestamps), and every {@link BigDecimal} (the contract uses them only for money) as a plain JSON
 * number with exactly two decimals ({@code 40600.00}, never {@code 4.06E+4}).
 */
public final class JsonMapperFactory {
  private JsonMapperFactory() {}

  /** A new, fully configured mapper. Thread-safe once built; callers may share it. */
  public static ObjectMapper create() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new SimpleModule("seatwise-money").addSerializer(new MoneySerializer()))
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        // an answer built as a tree (the web's) keeps the money's two decimals: by default a
        // decimal node strips trailing zeros, and 1500.00 was written 1500
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .build();
  }

  /**
   * Writes an amount at scale 2 as a number. Amounts at a finer scale (a three-decimal currency)
   * are written unrounded: the contract never rounds money silently.
   */
  static final class MoneySerializer extends StdSerializer<BigDecimal> {
    private static final long serialVersionUID = 1L;

    MoneySerializer() {
      super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeNumber(atTwoDecimals(value));
    }
  }

  /** {@code value} with scale 2 when that is exact; otherwise unchanged ({@link Amounts}). */
  public static BigDecimal atTwoDecimals(BigDecimal value) {
    return Amounts.atTwoDecimals(value);
  }
}
