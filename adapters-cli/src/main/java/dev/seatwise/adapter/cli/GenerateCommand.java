package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.cli.generate.GenerateFormat;
import dev.seatwise.adapter.cli.generate.SyntheticUsageGenerator;
import dev.seatwise.adapter.cli.generate.TokenRule;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Product;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code seatwise generate}: a realistic synthetic organisation's usage or plan. */
@Command(
    name = "generate",
    header = "A realistic synthetic organisation's usage or plan.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write the usage (or today's plan) of a realistic synthetic organisation, the same for the",
      "same seed: teams with their tools, heavy daily users, occasional and rare ones, people",
      "holding seats they never use, weekday patterns and holidays, sessions from under five",
      "minutes to past 24 hours. Products are those of the bundled autodesk catalog. Usage is",
      "written one day at a time, so any size streams (autodesk-token-usage keeps each",
      "session's start and end until the end: its windows may run into the next day)."
    },
    footer = {
      "",
      "Formats: sessions (seatwise sessions CSV), autodesk-usage (Autodesk usage export),",
      "autodesk-token-usage (Autodesk Token Usage export: what the access-window rule charges",
      "the same seed's sessions at the catalog's rates; reconcile shows no difference between",
      "them),",
      "flexlm-log (FlexLM debug log, clock in UTC), autodesk-subscriptions and autodesk-users",
      "(today's plan), identities (identity map for the FlexLM logins).",
      "",
      "Example:",
      "  seatwise generate --users 300 --days 365 --seed 42 --out acme-sessions.csv",
      "  seatwise generate --users 300 --format flexlm-log --out adskflex.log",
      "  seatwise generate --users 300 --format autodesk-token-usage --out token-usage.csv"
    })
public final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--users",
      paramLabel = "N",
      defaultValue = "300",
      description = "People in the organisation (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--days",
      paramLabel = "D",
      defaultValue = "365",
      description = "Days of usage (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Random seed; the same seed gives the same output (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--start",
      paramLabel = "DATE",
      defaultValue = "2025-01-01",
      description = "First day (default: ${DEFAULT-VALUE}).")
  LocalDate start;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "sessions",
      converter = FormatConverter.class,
      description =
          "sessions, autodesk-usage, autodesk-token-usage, flexlm-log, autodesk-subscriptions,"
              + " autodesk-users or identities (default: ${DEFAULT-VALUE}).")
  GenerateFormat format;

  @Option(
      names = "--catalog",
      paramLabel = "FILE|NAME",
      defaultValue = "autodesk",
      description =
          "autodesk-token-usage only: the catalog whose rates and access window charge the usage"
              + " (its version in force on --start; default: ${DEFAULT-VALUE}).")
  String catalog;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path outFile;

  /** Converts a format label for picocli. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<GenerateFormat> {
    @Override
    public GenerateFormat convert(String value) {
      try {
        return GenerateFormat.fromLabel(value);
      } catch (IllegalArgumentException e) {
        // the reason alone: picocli writes any other exception with its class names
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  private final UseCases useCases;

  public GenerateCommand(UseCases useCases) {
    this.useCases = java.util.Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public Integer call() throws IOException {
    if (users < 1 || days < 1) {
      throw new ParameterException(spec.commandLine(), "--users and --days must be >= 1");
    }
    SyntheticUsageGenerator generator = new SyntheticUsageGenerator(users, days, seed, start);
    TokenRule rule = format == GenerateFormat.AUTODESK_TOKEN_USAGE ? tokenRule() : null;
    long sessions;
    try (ProgressBar bar = progress()) {
      if (outFile == null) {
        PrintWriter out = spec.commandLine().getOut();
        sessions = write(generator, rule, out, bar);
        out.flush();
      } else {
        try (Writer out =
            new BufferedWriter(Files.newBufferedWriter(outFile, StandardCharsets.UTF_8), 1 << 16)) {
          sessions = write(generator, rule, out, bar);
        } catch (java.nio.file.NoSuchFileException e) {
          // its message is only the path: say which part is missing
          Path folder = outFile.toAbsolutePath().getParent();
          throw new UncheckedIOException(
              outFile + ": cannot write: "
                  + (folder != null && !Files.isDirectory(folder)
                      ? "the folder " + outFile.getParent() + " does not exist"
                      : "no such file"),
              e);
        } catch (IOException e) {
          throw new UncheckedIOException(outFile + ": cannot write: " + e.getMessage(), e);
        }
      }
    }
    if (outFile != null) {
      spec.commandLine()
          .getErr()
          .printf(
              "Wrote %s%s (%s, %d users, %d days from %s, seed %d)%n",
              outFile,
              sessions > 0 ? ": " + Text.count(sessions) + " sessions" : "",
              format.label(),
              users,
              days,
              start,
              seed);
      spec.commandLine().getErr().flush();
    }
    return 0;
  }

  private long write(SyntheticUsageGenerator generator, TokenRule rule, Writer out, ProgressBar bar)
      throws IOException {
    return rule == null
        ? generator.write(format, out, d -> step(bar, d))
        : generator.writeTokenUsage(out, rule, d -> step(bar, d));
  }

  /** The catalog version in force on the first day: its access window and each product's rate. */
  private TokenRule tokenRule() {
    CatalogHistory history = useCases.catalog(catalog);
    Catalog c = history.versionOn(start).orElse(history.versions().get(0));
    Map<String, Long> rates = new HashMap<>();
    for (Product p : c.products()) {
      c.flexRate(p.id()).ifPresent(r -> rates.put(p.id().value(), r));
    }
    if (SyntheticUsageGenerator.products().stream().noneMatch(rates::containsKey)) {
      throw new ParameterException(
          spec.commandLine(),
          "catalog '" + catalog + "' has no Flex rates for the generated products ("
              + String.join(", ", SyntheticUsageGenerator.products())
              + "): the Token Usage export would charge nothing");
    }
    return new TokenRule(c.metering().window(), c.metering().minimumBillable(), rates);
  }

  private static void step(ProgressBar bar, int day) {
    if (bar != null) {
      bar.stepTo(day + 1L);
    }
  }

  private ProgressBar progress() {
    if (System.console() == null || outFile == null) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName("Generating")
        .setInitialMax(days)
        .setUnit(" days", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
  }
}
