package dev.seatwise.adapter.cli;

import static java.util.Objects.requireNonNull;

import dev.seatwise.adapter.json.CsvExporter;
import dev.seatwise.adapter.json.CsvTable;
import dev.seatwise.adapter.json.CsvTables;
import dev.seatwise.adapter.json.ContractJson;
import dev.seatwise.adapter.json.dto.BundleDto;
import dev.seatwise.adapter.json.dto.CatalogDetailResponse;
import dev.seatwise.adapter.json.dto.CatalogDto;
import dev.seatwise.adapter.json.dto.CatalogsResponse;
import dev.seatwise.adapter.json.dto.ProductDto;
import dev.seatwise.adapter.json.mapping.JsonCatalogMapper;
import dev.seatwise.domain.catalog.Catalog;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seatwise catalogs}: the bundled price catalogs. */
@Command(
    name = "catalogs",
    header = "The bundled price catalogs.",
    mixinStandardHelpOptions = true,
    description = {
      "List the bundled price catalogs: vendor, currency, versions (effective dates), metering",
      "rule and size. Use one with --catalog NAME, or pass your own YAML file with --catalog FILE",
      "(negotiated prices; the format is in docs/catalog-format.md)."
    },
    footer = {
      "",
      "Example:",
      "  seatwise catalogs",
      "  seatwise catalogs --show autodesk",
      "  seatwise catalogs -o json"
    })
public final class CatalogsCommand implements Callable<Integer> {
  @Mixin OutputOptions output;

  @Option(
      names = "--show",
      paramLabel = "NAME|FILE",
      description =
          "Show one catalog in full: token packs, and the named, Flex and network prices of every"
              + " product and collection.")
  String show;

  @Spec CommandSpec spec;
  private final UseCases useCases;

  public CatalogsCommand(UseCases useCases) {
    this.useCases = requireNonNull(useCases, "useCases");
  }

  @Override
  public Integer call() {
    if (show != null) {
      return show(JsonCatalogMapper.INSTANCE.toDetail(useCases.catalog(show)));
    }
    CatalogsResponse response =
        JsonCatalogMapper.INSTANCE.toResponse(useCases.listCatalogs().list());
    PrintWriter out = spec.commandLine().getOut();
    switch (output.format()) {
      case JSON:
        out.println(ContractJson.toString(response));
        break;
      case CSV:
        new CsvExporter().write(CsvTables.catalogs(response), out);
        break;
      default:
        table(response.catalogs(), out);
    }
    out.flush();
    return 0;
  }

  /**
   * The list as a table whose columns fit their longest value (nothing cut); when the vendors'
   * names would take the line past {@link Text#WIDTH}, each catalog's vendor is on a line of its
   * own under its name.
   */
  private static void table(List<CatalogDto> catalogs, PrintWriter out) {
    int name = "NAME".length();
    int meter = "METER".length();
    int versions = "EFFECTIVE FROM".length();
    int vendor = "VENDOR".length();
    for (CatalogDto c : catalogs) {
      name = Math.max(name, Text.safe(c.name()).length());
      meter = Math.max(meter, Text.safe(c.meter()).length());
      versions = Math.max(versions, versions(c).length());
      vendor = Math.max(vendor, Text.safe(c.vendor()).length());
    }
    int before = name + 2 + 8 + 2 + 8 + 2 + 7 + 2 + meter + 2 + versions;
    boolean inline = before + 2 + vendor <= Text.WIDTH;
    // the columns before the vendor are kept whole; a very long name or meter (a file of one's
    // own) takes the line past the width rather than be cut
    out.println(
        Text.left("NAME", name) + "  " + Text.left("CURRENCY", 8) + "  " + Text.right("PRODUCTS", 8)
            + "  " + Text.right("BUNDLES", 7) + "  " + Text.left("METER", meter) + "  "
            + (inline ? Text.left("EFFECTIVE FROM", versions) + "  VENDOR" : "EFFECTIVE FROM"));
    for (CatalogDto c : catalogs) {
      String row =
          Text.left(c.name(), name) + "  " + Text.left(c.currency(), 8) + "  "
              + Text.right(Integer.toString(c.products()), 8) + "  "
              + Text.right(Integer.toString(c.bundles()), 7) + "  " + Text.left(c.meter(), meter)
              + "  ";
      if (inline) {
        out.println(row + Text.left(versions(c), versions) + "  " + Text.safe(c.vendor()));
      } else {
        out.println(row + versions(c));
        out.println(" ".repeat(name + 2) + Text.fit(c.vendor(), Math.max(20, Text.WIDTH - name - 2)));
      }
    }
  }

  /** The catalog's versions by effective date, comma-separated. */
  private static String versions(CatalogDto c) {
    return c.versions().stream().map(LocalDate::toString).collect(Collectors.joining(", "));
  }

  private int show(CatalogDetailResponse c) {
    PrintWriter out = spec.commandLine().getOut();
    switch (output.format()) {
      case JSON:
        out.println(ContractJson.toString(c));
        break;
      case CSV:
        List<List<Object>> rows = new ArrayList<>();
        for (ProductDto p : c.products()) {
          rows.add(
              Arrays.asList(
                  "product",
                  p.id(),
                  p.name(),
                  p.namedAnnual(),
                  p.tokensPerWindow(),
                  p.networkAnnual(),
                  null));
        }
        for (BundleDto b : c.bundles()) {
          rows.add(
              Arrays.asList(
                  "bundle",
                  b.id(),
                  b.name(),
                  b.namedAnnual(),
                  null,
                  null,
                  String.join(";", b.includes())));
        }
        new CsvExporter()
            .write(
                new CsvTable(
                    List.of(
                        "kind",
                        "id",
                        "name",
                        "named_annual",
                        "tokens_per_window",
                        "network_annual",
                        "includes"),
                    rows),
                out);
        break;
      default:
        Text.sentence(
            out,
            String.format(
                "%s catalog, %s, effective %s (versions: %s); meter %s",
                c.vendor(),
                c.currency(),
                c.effective(),
                c.versions().stream().map(LocalDate::toString).collect(Collectors.joining(", ")),
                c.meter()));
        // the flex window and minimum are the flex-window meter's; a plug-in meter (a token pool,
        // daily usage) has its own rule and ignores them, so they are not shown as its rule
        boolean windows = Catalog.FLEX_WINDOW.equals(c.meter());
        Text.sentence(
            out,
            windows
                ? String.format(
                    "Flex: access windows of %s from first launch, launches under %s free; tokens"
                        + " expire %s after purchase",
                    ConcurrencyTable.duration(c.window()),
                    ConcurrencyTable.duration(c.minimumBillable()),
                    period(c.tokenExpiry()))
                : String.format(
                    "Metering: the %s meter's own rule (the Flex window and minimum of the file are"
                        + " not used); TOKEN RATE is each product's flexTokensPerDay as that meter"
                        + " reads it; tokens expire %s after purchase",
                    c.meter(),
                    period(c.tokenExpiry())));
        Text.sentence(
            out,
            "Token packs: "
                + (c.packs().isEmpty()
                    ? "none"
                    : c.packs().stream()
                        .map(
                            p ->
                                Text.count(p.size())
                                    + " tokens at "
                                    + Text.unitPrice(p.unitPrice())
                                    + " = "
                                    + Text.money(p.price()))
                        .collect(Collectors.joining("; "))));
        out.println();
        out.println(
            Text.left("PRODUCT", 9)
                + " "
                + Text.left("NAME", 30)
                + " "
                + Text.right("NAMED/YR", 12)
                + " "
                + Text.right(windows ? "TOKENS/WINDOW" : "TOKEN RATE", 14)
                + " "
                + Text.right("NETWORK/YR", 12));
        for (ProductDto p : c.products()) {
          out.println(
              Text.left(p.id(), 9)
                  + " "
                  + Text.left(p.name(), 30)
                  + " "
                  + Text.right(p.namedAnnual() == null ? "-" : Text.money(p.namedAnnual()), 12)
                  + " "
                  + Text.right(
                      p.tokensPerWindow() == null
                          ? "not on Flex"
                          : Long.toString(p.tokensPerWindow()),
                      14)
                  + " "
                  + Text.right(
                      p.networkAnnual() == null ? "-" : Text.money(p.networkAnnual()), 12));
        }
        if (!c.bundles().isEmpty()) {
          out.println();
          out.println(
              Text.left("BUNDLE", 9)
                  + " "
                  + Text.left("NAME", 30)
                  + " "
                  + Text.right("NAMED/YR", 12)
                  + "  INCLUDES");
          for (BundleDto b : c.bundles()) {
            out.println(
                Text.left(b.id(), 9)
                    + " "
                    + Text.left(b.name(), 30)
                    + " "
                    + Text.right(Text.money(b.namedAnnual()), 12)
                    + "  "
                    + Text.fit(String.join(", ", b.includes()), 45));
          }
        }
        out.println();
        Text.sentence(
            out,
            "Every number, its source and whether it is an estimate are in the catalog file;"
                + " pass your own prices with --catalog FILE (docs/catalog-format.md).");
    }
    out.flush();
    return 0;
  }

  private static String period(java.time.Period p) {
    if (p.getYears() == 0 && p.getDays() == 0) {
      return p.getMonths() + " months";
    }
    return p.toString();
  }
}
