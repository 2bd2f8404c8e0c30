package dev.seatwise.adapter.files.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.adapter.files.Fixtures;
import dev.seatwise.application.port.out.CatalogException;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.MeteringParameters;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.money.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlCatalogAdapterTest {
  private final YamlCatalogAdapter adapter = new YamlCatalogAdapter();

  private static final String MINIMAL =
      "vendor: Acme\n"
          + "currency: EUR\n"
          + "effective: 2026-01-01\n"
          + "tokens:\n"
          + "  expiresAfter: P6M\n"
          + "  packs:\n"
          + "    - {size: 100, unitPrice: \"1.50\"}\n"
          + "flex: {window: PT12H, minimumBillable: PT1M}\n"
          + "products:\n"
          + "  - id: CAD\n"
          + "    name: Acme CAD\n"
          + "    aliases: [\"Acme CAD Pro\"]\n"
          + "    flexlmFeatures: ['^ACMECAD']\n"
          + "    namedUser: {monthly: \"50.00\", annual: \"500.00\", threeYear: 1350}\n"
          + "    flexTokensPerDay: 4\n"
          + "    networkSeat: {annual: \"900.00\"}\n"
          + "  - id: VIEW\n"
          + "    namedUser: {annual: \"0\"}\n"
          + "bundles:\n"
          + "  - {id: SUITE, name: Acme Suite, includes: [CAD, VIEW], namedUser: {annual: \"700.00\"}}\n";

  @Test
  void theBundledAutodeskCatalogCoversTheRequiredProductsAndCollections() {
    LoadedCatalog autodesk = adapter.load("autodesk").orElseThrow();
    Catalog c = autodesk.history().latest();

    assertThat(c.vendor()).isEqualTo("Autodesk");
    assertThat(c.currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(c.meter()).isEqualTo(Catalog.FLEX_WINDOW);
    assertThat(c.products().stream().map(Product::name))
        .contains("AutoCAD", "AutoCAD LT", "Revit", "Civil 3D", "Inventor Professional",
            "3ds Max", "Maya", "Fusion", "Navisworks Manage");
    assertThat(c.bundles()).extracting(b -> b.id().value())
        .containsExactlyInAnyOrder("AECCOL", "PDMCOL", "MECOL");
    assertThat(c.tokenExpiry()).isEqualTo(Period.ofMonths(12));
    assertThat(c.metering()).isEqualTo(MeteringParameters.FLEX_DEFAULTS);
    assertThat(c.packs()).extracting(p -> p.size()).contains(500L, 5000L);
  }

  @Test
  void theBundledCatalogCarriesTheSourcedFlexRates() {
    Catalog c = adapter.load("autodesk").orElseThrow().history().latest();
    assertThat(c.requireProduct(ProductId.of("ACD")).tokenRate()).contains(7L);
    assertThat(c.requireProduct(ProductId.of("RVT")).tokenRate()).contains(10L);
    assertThat(c.requireProduct(ProductId.of("MAYA")).tokenRate()).contains(6L);
    assertThat(c.packs().get(0).unitPrice().perUnit()).isEqualByComparingTo("3");
  }

  @Test
  void everyNumberInTheBundledCatalogSaysWhereItComesFrom() throws IOException {
    List<String> lines;
    try (var in = YamlCatalogAdapter.class.getResourceAsStream("/catalogs/autodesk.yaml")) {
      lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .collect(Collectors.toList());
    }
    List<String> numberLines = lines.stream()
        .filter(l -> !l.strip().startsWith("#"))
        .filter(l -> l.matches("^\\s*-?\\s*(monthly|annual|threeYear|flexTokensPerDay|unitPrice|size|effective|expiresAfter|window|minimumBillable):.*"))
        .collect(Collectors.toList());
    assertThat(numberLines).hasSizeGreaterThan(40);
    assertThat(numberLines).allSatisfy(l -> assertThat(l).contains("#"));
    assertThat(numberLines.stream().filter(l -> !l.contains("ESTIMATE")))
        .allSatisfy(l -> assertThat(l).containsPattern("20[0-9]{2}|undated"));
  }

  @Test
  void theResolverMatchesExportNamesIgnoringCaseAndSpaces() {
    ProductResolver r = adapter.load("AUTODESK").orElseThrow().resolver();
    assertThat(r.byName("AutoCAD - including specialized toolsets")).contains(ProductId.of("ACD"));
    assertThat(r.byName("autodesk   REVIT")).contains(ProductId.of("RVT"));
    assertThat(r.byName("Architecture Engineering & Construction Collection"))
        .contains(ProductId.of("AECCOL"));
    assertThat(r.byName("acd")).contains(ProductId.of("ACD"));
    assertThat(r.byName("Photoshop")).isEmpty();
  }

  @Test
  void theResolverMapsFlexlmFeaturesByPattern() {
    ProductResolver r = Fixtures.resolver();
    assertThat(r.byFeature("87224ACD_2024_0F")).contains(ProductId.of("ACD"));
    // F3: another version of AutoCAD is the same product, so both versions share its windows
    assertThat(r.byFeature("87545ACD_2025_0F")).contains(ProductId.of("ACD"));
    assertThat(r.byFeature("87224ACDLT_2024_0F")).contains(ProductId.of("ACDLT"));
    assertThat(r.byFeature("86815AECCOL_T_F")).contains(ProductId.of("AECCOL"));
    assertThat(r.byFeature("87048RVT_2024_0F")).contains(ProductId.of("RVT"));
    assertThat(r.byFeature("64300ARNOLD_2024_0F")).isEmpty();
  }

  @Test
  void aCatalogFileIsReadWithAllItsKeys(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("acme.yaml");
    Files.writeString(file, MINIMAL);

    LoadedCatalog loaded = adapter.load(file.toString()).orElseThrow();
    Catalog c = loaded.history().latest();

    assertThat(c.effective()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(c.meter()).isEqualTo(Catalog.FLEX_WINDOW);
    assertThat(c.tokenExpiry()).isEqualTo(Period.ofMonths(6));
    assertThat(c.metering()).isEqualTo(new MeteringParameters(Duration.ofHours(12), Duration.ofMinutes(1)));
    Product cad = c.requireProduct(ProductId.of("CAD"));
    assertThat(cad.namedUser().orElseThrow().forTerm(Term.MONTHLY)).contains(Money.of("50", "EUR"));
    assertThat(cad.namedUser().orElseThrow().forTerm(Term.THREE_YEAR)).contains(Money.of("1350", "EUR"));
    assertThat(cad.networkSeat().orElseThrow().annual()).isEqualTo(Money.of("900", "EUR"));
    assertThat(cad.tokenRate()).contains(4L);
    Product view = c.requireProduct(ProductId.of("VIEW"));
    assertThat(view.name()).isEqualTo("VIEW");
    assertThat(view.tokenRate()).isEmpty();
    assertThat(c.bundle(ProductId.of("SUITE")).orElseThrow().includes())
        .containsExactlyInAnyOrder(ProductId.of("CAD"), ProductId.of("VIEW"));
    assertThat(loaded.resolver().byName("acme cad pro")).contains(ProductId.of("CAD"));
    assertThat(loaded.resolver().byFeature("ACMECAD_2026")).contains(ProductId.of("CAD"));
    assertThat(adapter.catalog(file.toString())).contains(loaded.history());
  }

  @Test
  void aFileWithVersionsGivesAHistoryWhoseVersionsInheritTopLevelKeys() {
    String yaml =
        "vendor: Acme\ncurrency: EUR\nmeter: concurrent-pool\n"
            + "products:\n  - {id: CAD, namedUser: {annual: \"500.00\"}, flexTokensPerDay: 4}\n"
            + "versions:\n"
            + "  - effective: 2025-01-01\n"
            + "  - effective: 2026-01-01\n"
            + "    products:\n      - {id: CAD, namedUser: {annual: \"550.00\"}, flexTokensPerDay: 5}\n";
    CatalogHistory h = adapter.parse(yaml, "acme.yaml").history();

    assertThat(h.versions()).hasSize(2);
    assertThat(h.versionOn(LocalDate.of(2025, 6, 1)).orElseThrow()
        .requireProduct(ProductId.of("CAD")).tokenRate()).contains(4L);
    assertThat(h.latest().requireProduct(ProductId.of("CAD")).tokenRate()).contains(5L);
    assertThat(h.latest().meter()).isEqualTo("concurrent-pool");
  }

  @Test
  void unknownNamesAndMissingFilesAreEmpty() {
    assertThat(adapter.catalog("no-such-vendor")).isEmpty();
    assertThat(adapter.catalog("/does/not/exist.yaml")).isEmpty();
  }

  @Test
  void bundledListsTheAutodeskCatalog() {
    assertThat(adapter.bundled()).extracting(h -> h.latest().vendor()).containsExactly("Autodesk", "Units Pool (illustrative)", "Bentley (E365 daily usage, illustrative prices)");
  }

  @Test
  void aMissingKeyNamesTheKeyAndLine() {
    String yaml = MINIMAL.replace("    flexTokensPerDay: 4\n", "").replace("  - id: VIEW\n", "  - name: View\n");
    assertThatThrownBy(() -> adapter.parse(yaml, "acme.yaml"))
        .isInstanceOf(CatalogException.class)
        .hasMessage("acme.yaml: line 16: products[1]: missing required key 'id'");
  }

  @Test
  void anUnknownKeyIsReportedWithItsLine() {
    String yaml = MINIMAL.replace("flexTokensPerDay: 4", "flexTokenPerDay: 4");
    assertThatThrownBy(() -> adapter.parse(yaml, "acme.yaml"))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("acme.yaml: line 15: products[0].flexTokenPerDay: unknown key 'flexTokenPerDay'");
  }

  @Test
  void aBadAmountNamesTheKeyAndLine() {
    String yaml = MINIMAL.replace("annual: \"500.00\"", "annual: \"five hundred\"");
    assertThatThrownBy(() -> adapter.parse(yaml, "acme.yaml"))
        .isInstanceOf(CatalogException.class)
        .hasMessage("acme.yaml: line 14: products[0].namedUser.annual: must be a decimal amount "
            + "such as \"2030.00\" (no exponent), was 'five hundred'");
  }

  @Test
  void tooManyDecimalsForTheCurrencyAreRejectedAtTheirLine() {
    String yaml = MINIMAL.replace("annual: \"900.00\"", "annual: \"900.005\"");
    assertThatThrownBy(() -> adapter.parse(yaml, "acme.yaml"))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("acme.yaml: line 16: products[0].networkSeat.annual: not a valid EUR amount");
  }

  @Test
  void theBundledCatalogStatesCoversAndTheNetworkRetirementDates() {
    Catalog c = adapter.load("autodesk").orElseThrow().history().latest();
    ProductId acd = ProductId.of("ACD");
    ProductId lt = ProductId.of("ACDLT");
    assertThat(c.covers().covers(acd, lt)).isTrue();
    assertThat(c.covers().covers(ProductId.of("RVT"), ProductId.of("RVTLT"))).isTrue();
    assertThat(c.covers().covers(ProductId.of("C3D"), acd)).isTrue();
    assertThat(c.covers().covers(ProductId.of("C3D"), lt)).isTrue(); // transitive
    assertThat(c.covers().covers(acd, ProductId.of("RVT"))).isFalse();
    assertThat(c.covers().covers(ProductId.of("RVT"), ProductId.of("NAVMAN"))).isFalse();
    assertThat(c.requireProduct(ProductId.of("RVTLT")).name()).isEqualTo("Revit LT");
    assertThat(c.networkRetirement().renewalsEnd()).contains(java.time.LocalDate.of(2023, 2, 7));
    assertThat(c.networkRetirement().tradeInFrom()).contains(java.time.LocalDate.of(2020, 8, 7));
    assertThat(c.networkRetirement().tradeInEnds()).contains(java.time.LocalDate.of(2024, 2, 7));
  }

  @Test
  void coversAndNetworkRetirementAreRead() {
    String yaml = MINIMAL.replace("    networkSeat: {annual: \"900.00\"}\n",
            "    networkSeat: {annual: \"900.00\"}\n    covers: [VIEW]\n")
        + "networkRetirement: {renewalsEnd: 2025-01-01, tradeInFrom: 2024-01-01, tradeInEnds: 2025-06-01}\n";
    Catalog c = adapter.parse(yaml, "acme.yaml").history().latest();
    assertThat(c.covers().covers(ProductId.of("CAD"), ProductId.of("VIEW"))).isTrue();
    assertThat(c.networkRetirement().renewable(java.time.LocalDate.of(2024, 12, 31))).isTrue();
    assertThat(c.networkRetirement().renewable(java.time.LocalDate.of(2025, 1, 1))).isFalse();
    assertThat(c.networkRetirement().tradeInOpen(java.time.LocalDate.of(2025, 5, 31))).isTrue();
    assertThat(c.networkRetirement().tradeInOpen(java.time.LocalDate.of(2025, 6, 1))).isFalse();
  }

  @Test
  void coversOfAnUnknownProductIsRejectedAtTheItem() {
    String yaml = MINIMAL.replace("    networkSeat: {annual: \"900.00\"}\n",
        "    networkSeat: {annual: \"900.00\"}\n    covers: [CAM]\n");
    assertThatThrownBy(() -> adapter.parse(yaml, "acme.yaml"))
        .isInstanceOf(CatalogException.class)
        .hasMessage("acme.yaml: line 17: products[0].covers[0]: product CAD covers unknown product CAM");
  }

  @Test
  void aBundleOfAnUnknownProductIsRejectedAtTheMember() {
    String yaml = MINIMAL.replace("includes: [CAD, VIEW]", "includes: [CAD, CAM]");
    assertThatThrownBy(() -> adapter.parse(yaml, "acme.yaml"))
        .isInstanceOf(CatalogException.class)
        .hasMessage("acme.yaml: line 20: bundles[0].includes[1]: bundle SUITE includes unknown product CAM");
  }

  @Test
  void aBundleMayStateTheFlexRateOfItsOwnCheckouts() {
    Catalog plain = adapter.parse(MINIMAL, "acme.yaml").history().latest();
    Catalog stated =
        adapter
            .parse(MINIMAL.replace("namedUser: {annual: \"700.00\"}}", "namedUser: {annual: \"700.00\"}, flexTokensPerDay: 3}"), "acme.yaml")
            .history()
            .latest();

    assertThat(plain.bundle(ProductId.of("SUITE")).orElseThrow().flexTokensPerDay()).isEmpty();
    assertThat(plain.flexRate(ProductId.of("SUITE"))).hasValue(4); // the dearest member, CAD
    assertThat(stated.bundle(ProductId.of("SUITE")).orElseThrow().flexTokensPerDay()).contains(3L);
    assertThat(stated.flexRate(ProductId.of("SUITE"))).hasValue(3);
    assertThatThrownBy(
            () ->
                adapter.parse(
                    MINIMAL.replace("namedUser: {annual: \"700.00\"}}", "namedUser: {annual: \"700.00\"}, flexTokensPerDay: -1}"), "a.yaml"))
        .hasMessage("a.yaml: line 20: bundles[0].flexTokensPerDay: must be >= 0 but was -1");
  }

  @Test
  void aNegativeRateAndABadPeriodAreRejected() {
    assertThatThrownBy(() -> adapter.parse(MINIMAL.replace("flexTokensPerDay: 4", "flexTokensPerDay: -4"), "a.yaml"))
        .hasMessage("a.yaml: line 15: products[0].flexTokensPerDay: must be from 0 to 100000 but was -4");
    assertThatThrownBy(() -> adapter.parse(MINIMAL.replace("P6M", "6 months"), "a.yaml"))
        .hasMessageStartingWith("a.yaml: line 5: tokens.expiresAfter: not an ISO-8601 period");
    assertThatThrownBy(() -> adapter.parse(MINIMAL.replace("PT12H", "12h"), "a.yaml"))
        .hasMessageStartingWith("a.yaml: line 8: flex.window: not an ISO-8601 duration");
  }

  @Test
  void aDuplicateKeyAndBrokenYamlAreReportedWithTheirLine() {
    assertThatThrownBy(() -> adapter.parse(MINIMAL.replace("currency: EUR\n", "currency: EUR\ncurrency: USD\n"), "a.yaml"))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("a.yaml: line 3")
        .hasMessageContaining("currency");
    assertThatThrownBy(() -> adapter.parse("vendor: Acme\nproducts: [\n  - id: X\n", "b.yaml"))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("b.yaml: line ")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void anAliasClaimedByTwoProductsIsAnError() {
    String yaml = MINIMAL.replace("  - id: VIEW\n", "  - id: VIEW\n    aliases: [\"ACME cad PRO\"]\n");
    assertThatThrownBy(() -> adapter.parse(yaml, "a.yaml"))
        .hasMessage("a.yaml: line 18: products[1].aliases[0]: alias clash: name 'ACME cad PRO' is "
            + "claimed by both CAD and VIEW");
  }

  @Test
  void anInvalidFeatureRegexIsAnError() {
    assertThatThrownBy(() -> adapter.parse(MINIMAL.replace("'^ACMECAD'", "'^ACME(CAD'"), "a.yaml"))
        .hasMessageStartingWith("a.yaml: line 13: products[0].flexlmFeatures[0]: not a valid regular expression");
  }

  @Test
  void twoVersionsOnOneDateAreRejected() {
    String yaml = "vendor: Acme\ncurrency: EUR\nproducts: [{id: A, namedUser: {annual: 1}}]\n"
        + "versions:\n  - effective: 2025-01-01\n  - effective: 2025-01-01\n";
    assertThatThrownBy(() -> adapter.parse(yaml, "a.yaml"))
        .hasMessage("a.yaml: line 6: versions[1]: two versions are effective on 2025-01-01 (the other is at line 5)");
  }

  @Test
  void anEmptyCatalogIsAnError() {
    assertThatThrownBy(() -> adapter.parse("", "e.yaml")).hasMessage("e.yaml: the catalog is empty");
    assertThatThrownBy(() -> adapter.parse("- a\n- b\n", "l.yaml"))
        .hasMessageContaining("must be a mapping");
  }
}
