package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.CsvTables;
import dev.seatwise.adapter.json.dto.TradeInOptionDto;
import dev.seatwise.adapter.json.dto.TradeInResponse;
import dev.seatwise.adapter.json.mapping.JsonTradeInMapper;
import dev.seatwise.application.port.in.EvaluateTradeInQuery;
import dev.seatwise.application.port.in.TradeInEvaluation;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.money.Money;
import java.io.PrintWriter;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code seatwise trade-in}: keep N network seats, trade them for 2N named, or retire them. */
@Command(
    name = "trade-in",
    header = "Keep legacy network seats, trade them 2-for-1, or retire them to Flex.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "The 2-for-1 trade-in what-if for one product: N network seats on maintenance, against 2N",
      "named seats (the heaviest users take them, the rest go on Flex), against everyone on Flex.",
      "Judged on the usage of the period, scaled to a year."
    },
    footer = {
      "",
      "Example:",
      "  seatwise trade-in --usage examples/acme-adskflex.log --product ACD --seats 10"
    })
public final class TradeInCommand extends AnalysisCommand {
  @Option(
      names = "--product",
      paramLabel = "PRODUCT",
      required = true,
      description = "The product of the network seats (a catalog id, e.g. ACD).")
  String product;

  @Option(names = "--seats", paramLabel = "N", required = true, description = "Network seats held.")
  long seats;

  @Option(
      names = "--named-price",
      paramLabel = "AMOUNT",
      description =
          "Price a year of each named seat of the trade-in (default: the catalog's named price).")
  BigDecimal namedPrice;

  @Option(
      names = "--maintenance",
      paramLabel = "AMOUNT",
      description =
          "Maintenance a year of each network seat kept (default: the catalog's network seat"
              + " price).")
  BigDecimal maintenance;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "Day the choice is made (default: the end of the usage period): keep and trade in are"
              + " offered only while the catalog's dates allow them on it.")
  java.time.LocalDate asOf;

  public TradeInCommand(UseCases useCases) {
    super(useCases);
  }

  @Override
  public Integer call() {
    Catalog catalog = useCases.catalog(input.catalog).latest();
    Product p = Products.find(catalog, product, "--product", spec.commandLine());
    Money named =
        price(namedPrice, p.namedUser().map(Prices::annual).orElse(null), "--named-price", catalog);
    Money kept =
        price(
            maintenance,
            p.networkSeat().map(Prices::annual).orElse(null),
            "--maintenance",
            catalog);
    EvaluateTradeInQuery q =
        query(() -> {
          EvaluateTradeInQuery base = new EvaluateTradeInQuery(input.period(), p.id(), seats, named, kept);
          return asOf == null ? base : base.withAsOf(asOf);
        });
    TradeInResponse response;
    try (ImportTracker tracker = ImportTracker.forFiles(input.usage)) {
      TradeInEvaluation evaluation =
          useCases.evaluateTradeIn(input.inputs(useCases, tracker)).evaluate(q);
      response =
          JsonTradeInMapper.INSTANCE.toResponse(
              evaluation, tracker.allFiles(), catalog.currency(), tracker.notes());
    }
    switch (output.format()) {
      case JSON:
        printJson(response);
        break;
      case CSV:
        printCsv(CsvTables.tradeIn(response));
        break;
      default:
        table(response, out());
        out().flush();
    }
    return 0;
  }

  private Money price(BigDecimal given, Money catalogPrice, String option, Catalog catalog) {
    if (given == null) {
      if (catalogPrice == null) {
        throw new ParameterException(
            spec.commandLine(),
            option
                + " is needed: the "
                + catalog.vendor()
                + " catalog has no such price for "
                + product);
      }
      return catalogPrice;
    }
    return query(() -> new Money(given, catalog.currency()));
  }

  static void table(TradeInResponse r, PrintWriter out) {
    Text.sentence(
        out,
        String.format(
            "seatwise trade-in: %d network seats of %s for %d named seats; usage %s to %s (%d"
                + " days), totals a year in %s",
            r.networkSeats(),
            r.product(),
            r.namedSeats(),
            r.period().from(),
            r.period().to(),
            r.period().days(),
            r.currency()));
    ImportSummary.print(r.importReport(), out);
    out.println();
    Text.sentence(out, "Eligibility " + r.eligibility() + ".");
    Text.sentence(
        out,
        String.format(
            "%s people used %s without a named seat%s.",
            Text.count(r.users()),
            r.product(),
            r.peakConcurrency() == null ? "" : "; at most " + r.peakConcurrency() + " at once"));
    out.println(Text.left("OPTION", 10) + " " + Text.right("TOTAL/YR", 14) + "  WHY");
    for (TradeInOptionDto o : r.options()) {
      String head =
          Text.left(o.choice() + (o.choice().equals(r.cheapest()) ? " *" : ""), 10)
              + " "
              + Text.right(Text.money(o.annualTotal()), 14)
              + "  ";
      java.util.List<String> lines = Text.wrap(o.reason(), Text.WIDTH - head.length(), "", "");
      out.println(head + lines.get(0));
      for (String l : lines.subList(1, lines.size())) {
        out.println(" ".repeat(head.length()) + l);
      }
    }
    out.println("* the cheapest");
    ComparisonTable.notes(r.notes(), out);
  }
}
