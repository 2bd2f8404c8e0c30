package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.CsvTables;
import dev.seatwise.adapter.json.dto.ConcurrencyResponse;
import dev.seatwise.adapter.json.mapping.JsonConcurrencyMapper;
import dev.seatwise.application.port.in.ConcurrencyQuery;
import dev.seatwise.application.port.in.ConcurrencyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code seatwise concurrency}: peak use and seats needed per product, from network data. */
@Command(
    name = "concurrency",
    header = "Peak use and seats needed per product (network data).",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "How many licences were in use at once, per product: peak and when, time-weighted",
      "percentiles, time at peak, refusals (FlexLM DENIED) and the seats needed for a tolerated",
      "refusal rate. Needs clock times: sessions CSV, FlexLM debug logs or status snapshots",
      "(lmstat -a, rlmstat -a, lmxendutil -licstat, DSLicSrv -admin, lstc_qrun, olixtool)."
    },
    footer = {"", "Example:", "  seatwise concurrency --usage adskflex.log --tolerated-refusals 1"})
public final class ConcurrencyCommand extends AnalysisCommand {
  @Option(
      names = "--tolerated-refusals",
      paramLabel = "PERCENT",
      defaultValue = "0",
      description =
          "Size seats so that at most PERCENT %% of requests (sessions and denials) would be"
              + " refused (default: ${DEFAULT-VALUE}).")
  double toleratedPercent;

  public ConcurrencyCommand(UseCases useCases) {
    super(useCases);
  }

  @Override
  public Integer call() {
    if (!(toleratedPercent >= 0 && toleratedPercent <= 100)) {
      throw new ParameterException(
          spec.commandLine(),
          "--tolerated-refusals must be between 0 and 100 but was " + toleratedPercent);
    }
    ConcurrencyQuery query = new ConcurrencyQuery(input.period(), toleratedPercent / 100);
    ConcurrencyReport report;
    try (ImportTracker tracker = ImportTracker.forFiles(input.usage)) {
      report = useCases.analyzeConcurrency(input.inputs(useCases, tracker)).analyze(query);
      java.util.List<String> notes = new java.util.ArrayList<>(report.notes());
      notes.addAll(tracker.notes());
      report =
          new ConcurrencyReport(
              report.period(),
              report.importReport().plus(tracker.otherFilesReport()),
              report.products(),
              notes);
    }
    ConcurrencyResponse response = JsonConcurrencyMapper.INSTANCE.toResponse(report);
    switch (output.format()) {
      case JSON:
        printJson(response);
        break;
      case CSV:
        printCsv(CsvTables.products(response));
        break;
      default:
        ConcurrencyTable.print(response, input.zone(), toleratedPercent, out());
        out().flush();
    }
    return 0;
  }
}
