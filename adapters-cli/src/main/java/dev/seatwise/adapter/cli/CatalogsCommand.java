package dev.seatwise.adapter.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.seatwise.adapter.json.CsvExporter;
import dev.seatwise.adapter.json.CsvTables;
import dev.seatwise.adapter.json.JsonMapperFactory;
import dev.seatwise.adapter.json.dto.CatalogDto;
import dev.seatwise.adapter.json.dto.CatalogsResponse;
import dev.seatwise.adapter.json.mapping.JsonCatalogMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
    footer = {"", "Example:", "  seatwise catalogs", "  seatwise catalogs -o json"})
public final class CatalogsCommand implements Callable<Integer> {
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;
  private final UseCases useCases;

  public CatalogsCommand(UseCases useCases) {
    this.useCases = requireNonNull(useCases, "useCases");
  }

  @Override
  public Integer call() {
    CatalogsResponse response = JsonCatalogMapper.INSTANCE.toResponse(useCases.listCatalogs().list());
    PrintWriter out = spec.commandLine().getOut();
    switch (output.format()) {
      case JSON:
        try {
          out.println(JsonMapperFactory.create().writerWithDefaultPrettyPrinter().writeValueAsString(response));
        } catch (JsonProcessingException e) {
          throw new UncheckedIOException(e);
        }
        break;
      case CSV:
        new CsvExporter().write(CsvTables.catalogs(response), out);
        break;
      default:
        out.println(
            Text.left("NAME", 12) + " " + Text.left("VENDOR", 12) + " " + Text.left("CURRENCY", 8) + " "
                + Text.left("VERSIONS (EFFECTIVE FROM)", 30) + " " + Text.left("METER", 14) + " "
                + Text.right("PRODUCTS", 8) + " " + Text.right("BUNDLES", 8));
        for (CatalogDto c : response.catalogs()) {
          out.println(
              Text.left(c.name(), 12) + " " + Text.left(c.vendor(), 12) + " " + Text.left(c.currency(), 8) + " "
                  + Text.left(c.versions().stream().map(LocalDate::toString).collect(Collectors.joining(", ")), 30)
                  + " " + Text.left(c.meter(), 14) + " " + Text.right(Integer.toString(c.products()), 8) + " "
                  + Text.right(Integer.toString(c.bundles()), 8));
        }
    }
    out.flush();
    return 0;
  }
}
