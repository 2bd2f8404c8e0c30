package dev.seatwise.adapter.cli;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.Product;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Product ids given on the command line, checked against the catalog (any case). */
final class Products {
  private Products() {}

  static Product find(Catalog catalog, String text, String option, CommandLine cmd) {
    for (Product p : catalog.products()) {
      if (p.id().value().equalsIgnoreCase(text.strip())) {
        return p;
      }
    }
    throw new ParameterException(
        cmd,
        option
            + ": '"
            + text
            + "' is not a product of the "
            + catalog.vendor()
            + " catalog (known: "
            + catalog.products().stream().map(p -> p.id().value()).collect(Collectors.joining(", "))
            + ")");
  }
}
