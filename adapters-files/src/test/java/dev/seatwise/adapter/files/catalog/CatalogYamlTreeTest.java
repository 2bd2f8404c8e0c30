package dev.seatwise.adapter.files.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.seatwise.application.port.out.CatalogException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parser's own tree holds what Jackson's tree model (the parser's reader before) held: the same
 * mappings, lists and scalars with the same text, on the bundled catalogs, the fuzz seeds, every
 * kind of scalar, and random cuts and splices of them; and where the tree model refused the text,
 * (or streaming all its tokens did), the parser refuses it too, as a catalog error.
 */
class CatalogYamlTreeTest {
  private static final YAMLMapper TREE_MODEL = treeModel();

  private final CatalogYamlParser parser = new CatalogYamlParser();

  private static YAMLMapper treeModel() {
    YAMLMapper m =
        new YAMLMapper(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    m.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    return m;
  }

  @Test
  void scalars_of_every_kind_hold_the_tree_models_text() {
    String[] scalars = {
      "2030.00", "1.50", "1e3", "1.0e+3", "0.0", "-0.0", "5.0", ".5", "1_000", "0x1F", "007", "+5",
      "12345678901", "123456789012345678901234", "true", "yes", "No", "off", "~", "null", "",
      "2025-01-01", "!!binary aGVsbG8=", "'x'", "\"x y\"", "0o17", "1.5E-7", "100", "-3", "[]",
      "{}", "[1, 2.50, a]", "{a: 1}", "!!str 12", "!!int '12'", "!!float 1", "&a 5", "P12M",
      "PT24H", "1:30", "0.10000000000000000000001", "9223372036854775808", "-2147483649"
    };
    for (String s : scalars) {
      same("k: " + s + "\n");
      same("- " + s + "\n- " + s + "\n");
      same(s);
    }
  }

  @Test
  void the_bundled_catalogs_and_the_fuzz_seeds_hold_the_same_tree() throws IOException {
    List<String> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThan(10);
    for (String yaml : corpus) {
      same(yaml);
    }
  }

  @Test
  void random_cuts_and_splices_of_them_hold_the_same_tree_or_are_refused_alike()
      throws IOException {
    List<String> corpus = corpus();
    SplittableRandom r = new SplittableRandom(15);
    for (int i = 0; i < 400; i++) {
      String a = corpus.get(r.nextInt(corpus.size()));
      String b = corpus.get(r.nextInt(corpus.size()));
      int cut = r.nextInt(a.length() + 1);
      int from = r.nextInt(b.length() + 1);
      int to = Math.min(b.length(), from + r.nextInt(200));
      same(a.substring(0, cut) + b.substring(from, to) + a.substring(cut));
    }
  }

  private List<String> corpus() throws IOException {
    List<String> all = new ArrayList<>();
    for (String name : YamlCatalogAdapter.BUNDLED) {
      try (InputStream in = getClass().getResourceAsStream("/catalogs/" + name + ".yaml")) {
        all.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    Path seeds =
        Path.of("src/test/resources/dev/seatwise/adapter/files/catalog/CatalogFuzzTestInputs");
    try (Stream<Path> files = Files.walk(seeds)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        all.add(Files.readString(f, StandardCharsets.ISO_8859_1));
      }
    }
    return all;
  }

  private void same(String yaml) {
    JsonNode expected;
    try {
      // the reader before: every token of the text streamed (lines), then the tree model
      try (JsonParser p = TREE_MODEL.getFactory().createParser(yaml)) {
        while (p.nextToken() != null) {
          p.getText();
        }
      }
      expected = TREE_MODEL.readTree(yaml);
    } catch (IOException | RuntimeException e) {
      Throwable refused = catchThrowable(() -> parser.tree(yaml));
      assertThat(refused).as(yaml).isInstanceOf(CatalogException.class);
      return;
    }
    CatalogYamlParser.YamlValue actual = parser.tree(yaml);
    if (expected == null || expected.isMissingNode()) {
      assertThat(actual).as(yaml).isNull();
      return;
    }
    same(expected, actual, yaml);
  }

  private static void same(JsonNode e, CatalogYamlParser.YamlValue a, String yaml) {
    assertThat(a.isObject()).as(yaml).isEqualTo(e.isObject());
    assertThat(a.isArray()).as(yaml).isEqualTo(e.isArray());
    assertThat(a.isNull()).as(yaml).isEqualTo(e.isNull());
    assertThat(a.isValueNode()).as(yaml).isEqualTo(e.isValueNode());
    assertThat(a.isNumber()).as(yaml).isEqualTo(e.isNumber());
    if (e.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        names.add(f.getKey());
        same(f.getValue(), a.get(f.getKey()), yaml);
      }
      assertThat(a.fields.keySet()).as(yaml).containsExactlyElementsOf(names);
    } else if (e.isArray()) {
      assertThat(a.items).as(yaml).hasSize(e.size());
      for (int i = 0; i < e.size(); i++) {
        same(e.get(i), a.items.get(i), yaml);
      }
    } else {
      assertThat(a.asText()).as(yaml).isEqualTo(e.asText());
    }
  }
}
