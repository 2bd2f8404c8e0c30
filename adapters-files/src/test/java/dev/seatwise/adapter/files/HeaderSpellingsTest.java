package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Autodesk export reader takes both header spellings seen in the field, Title Case ({@code
 * Day used}) and snake_case ({@code day_used}), and camelCase where Autodesk uses it ({@code
 * usageDate}): each fixture is read again with its header re-spelt, and gives the same usage or
 * entitlements, the same rejections and the same detected format.
 */
class HeaderSpellingsTest {
  @TempDir Path dir;

  static Stream<String> usageFixtures() {
    return Stream.of(
        "fixtures/autodesk-usage-export.csv",
        "fixtures/autodesk-usage-report-title.csv",
        "fixtures/autodesk-usage-report-snake.csv",
        "fixtures/autodesk-token-usage.csv",
        "fixtures/autodesk-token-consumption-snake.csv",
        "fixtures/autodesk-insights-usage.csv");
  }

  static Stream<String> entitlementFixtures() {
    return Stream.of("fixtures/autodesk-subscriptions.csv", "fixtures/autodesk-users.csv");
  }

  @ParameterizedTest
  @MethodSource("usageFixtures")
  void usageReadsTheSameInTitleCaseAndSnakeCase(String fixture) throws IOException {
    Path original = Fixtures.path(fixture);
    FileImport expected = read(original);
    for (Path respelt : List.of(respell(original, "title", HeaderSpellingsTest::titleCase),
        respell(original, "snake", HeaderSpellingsTest::snakeCase))) {
      assertThat(FormatDetector.detect(respelt)).isEqualTo(FormatDetector.detect(original));
      FileImport actual = read(respelt);
      assertThat(actual.usage().log()).isEqualTo(expected.usage().log());
      assertThat(actual.usage().summaries()).isEqualTo(expected.usage().summaries());
      assertThat(actual.usage().tokenUsage()).isEqualTo(expected.usage().tokenUsage());
      assertThat(actual.usage().consumption()).isEqualTo(expected.usage().consumption());
      assertThat(Imports.rejections(actual)).isEqualTo(Imports.rejections(expected));
    }
  }

  @ParameterizedTest
  @MethodSource("entitlementFixtures")
  void entitlementsReadTheSameInTitleCaseAndSnakeCase(String fixture) throws IOException {
    Path original = Fixtures.path(fixture);
    FileEntitlements expected = entitlements(original);
    for (Path respelt : List.of(respell(original, "title", HeaderSpellingsTest::titleCase),
        respell(original, "snake", HeaderSpellingsTest::snakeCase))) {
      FileEntitlements actual = entitlements(respelt);
      assertThat(actual.entitlements()).isEqualTo(expected.entitlements());
      assertThat(actual.report().rejected()).isEqualTo(expected.report().rejected());
      assertThat(actual.report().files().get(0).format())
          .isEqualTo(expected.report().files().get(0).format());
    }
  }

  /** {@code day_used}, {@code Day used} or {@code dayUsed} -> {@code Day used}. */
  static String titleCase(String header) {
    List<String> words = words(header);
    String joined = String.join(" ", words);
    return joined.isEmpty() ? joined : Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
  }

  /** -> {@code day_used}. */
  static String snakeCase(String header) {
    return String.join("_", words(header));
  }

  private static List<String> words(String header) {
    String h = header.replace("\uFEFF", "").strip();
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      boolean camel = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(h.charAt(i - 1));
      if (c == '_' || c == ' ' || camel) {
        if (w.length() > 0) {
          out.add(w.toString().toLowerCase(Locale.ROOT));
          w.setLength(0);
        }
        if (!camel) {
          continue;
        }
      }
      w.append(c);
    }
    if (w.length() > 0) {
      out.add(w.toString().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private Path respell(Path original, String tag, java.util.function.UnaryOperator<String> spelling)
      throws IOException {
    List<String> lines = Files.readAllLines(original, StandardCharsets.UTF_8);
    String[] cols = lines.get(0).split(",", -1);
    List<String> spelt = new ArrayList<>();
    for (String c : cols) {
      String bare = c.replace("\"", "");
      spelt.add(bare.isBlank() ? bare : spelling.apply(bare));
    }
    lines.set(0, String.join(",", spelt));
    Path out = dir.resolve(tag + "-" + original.getFileName());
    Files.write(out, lines, StandardCharsets.UTF_8);
    return out;
  }

  private static FileImport read(Path file) {
    return new FileUsageAdapter(List.of(UsageSource.of(file)), Fixtures.resolver(), ImportOptions.defaults())
        .read();
  }

  private static FileEntitlements entitlements(Path file) {
    return new FileEntitlementsAdapter(List.of(UsageSource.of(file)), Fixtures.resolver(), ImportOptions.defaults())
        .read();
  }
}
