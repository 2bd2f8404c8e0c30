package dev.seatwise.adapter.cli;

import static java.util.Objects.requireNonNull;

import dev.seatwise.adapter.json.CsvExporter;
import dev.seatwise.adapter.json.CsvTable;
import dev.seatwise.adapter.json.ContractJson;
import dev.seatwise.adapter.json.Pseudonyms;
import dev.seatwise.application.LicensingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What the commands that read usage share: input and output options, and the writers. */
abstract class AnalysisCommand implements Callable<Integer> {
  /** Pseudonyms under this key are the same across runs (privacy mode). */
  static final String PRIVACY_KEY_VARIABLE = "SEATWISE_PRIVACY_KEY";

  @Mixin InputOptions input;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  final UseCases useCases;

  AnalysisCommand(UseCases useCases) {
    this.useCases = requireNonNull(useCases, "useCases");
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * Writes {@code response} as the contract's pretty-printed JSON to the output as it goes (no
   * whole-document string), with Jackson's streaming generator only ({@link ContractJson}: the
   * mapper's bytes without building the mapper), then a line break.
   */
  void printJson(Object response) {
    PrintWriter out = out();
    try {
      ContractJson.write(response, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }

  /**
   * When the output is JSON, gets the writer ready for {@code responseType} on a background thread
   * ({@link ContractJson#prepare}) while the command computes its answer.
   */
  void prepareJson(Class<?> responseType) {
    if (output.format() == OutputFormat.JSON) {
      Runnable prepare =
          () -> {
            try {
              ContractJson.prepare(responseType);
            } catch (RuntimeException | Error e) {
              // nothing to say here: the write itself, on the main thread, meets any problem
              // again and reports it
            }
          };
      Thread t = new Thread(prepare, "seatwise-json");
      t.setDaemon(true);
      t.start();
    }
  }

  void printCsv(CsvTable table) {
    new CsvExporter().write(table, out());
    out().flush();
  }

  /** The currency of the catalog the inputs name. */
  Currency currency() {
    return useCases.catalog(input.catalog).latest().currency();
  }

  /**
   * The "as of" date: {@code given}, else {@code --to}, else the day after the last day of usage.
   *
   * @throws LicensingException when there is no usage to date from
   */
  LocalDate asOf(LocalDate given, Inputs inputs) {
    if (given != null) {
      return given;
    }
    if (input.to != null) {
      return input.to;
    }
    return useCases
        .dayAfterUsage(inputs)
        .orElseThrow(
            () ->
                new LicensingException(
                    "no day of use to take the date from: the files held no accepted rows, or only"
                        + " totals without a Last accessed date; give it with --as-of or --to"));
  }

  /**
   * A query built from the options; a query that rejects them (e.g. a history that ends after the
   * as-of date) is wrong usage, exit 2.
   */
  <T> T query(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** {@code top}, the value of a {@code --top} option; a negative one is wrong usage, exit 2. */
  int top(int top) {
    if (top < 0) {
      throw new ParameterException(
          spec.commandLine(), "--top must be >= 0 (0 = all) but was " + top);
    }
    return top;
  }

  /** Where the privacy key is read from: the environment (tests substitute their own). */
  static java.util.function.UnaryOperator<String> environment = System::getenv;

  /** The pseudonyms of this run: keyed by the environment when set, random otherwise. */
  static Pseudonyms pseudonyms() {
    String key = environment.apply(PRIVACY_KEY_VARIABLE);
    return key == null || key.isEmpty() ? Pseudonyms.random() : Pseudonyms.withKey(key);
  }
}
