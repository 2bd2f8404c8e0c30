package dev.seatwise.adapter.files;

import static org.quicktheories.generators.SourceDSL.strings;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators for the file adapters' properties. */
final class SessionGens {
  /** Product ids the bundled Autodesk catalog knows. */
  static final List<String> PRODUCTS =
      List.of("ACD", "ACDLT", "RVT", "C3D", "INV", "3DSMAX", "MAYA", "FUSION", "NAVMAN", "AECCOL");

  /** Values that stress CSV quoting. */
  private static final List<String> TRICKY =
      List.of("a,b", "\"quoted\"", "two\nlines", "cr\r\nlf", "semi;colon", "O'Brien", "x\"y,z\"",
          "trailing\\", "émile@exämple.com", "名前");

  private SessionGens() {}

  static Gen<UserId> users() {
    Gen<String> printable = strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(1, 16);
    Gen<String> latin = strings().basicLatinAlphabet().ofLengthBetween(1, 16);
    return Generate.oneOf(printable, latin, Generate.pick(TRICKY))
        .map(String::strip)
        .assuming(s -> !s.isEmpty())
        .map(UserId::of);
  }

  static Gen<Instant> instants() {
    return Generate.longRange(Instant.parse("1990-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2100-01-01T00:00:00Z").getEpochSecond())
        .zip(Generate.range(0, 999_999_999), Instant::ofEpochSecond);
  }

  static Gen<Session> sessions() {
    Gen<Long> seconds = Generate.longRange(0, 40L * 24 * 3600);
    Gen<Integer> nanos = Generate.range(0, 999_999_999);
    return users().zip(Generate.pick(PRODUCTS), instants(), seconds.zip(nanos, (s, n) -> s * 1_000_000_000L + n),
        (u, p, start, length) -> new Session(u, ProductId.of(p), start, start.plusNanos(length)));
  }
}
