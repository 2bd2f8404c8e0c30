package dev.seatwise.adapter.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code seatwise}: the top-level command; it only holds the subcommands. */
@Command(
    name = "seatwise",
    mixinStandardHelpOptions = true,
    versionProvider = SeatwiseCommand.Version.class,
    description = {
      "Software-licence economics: replay usage through the licensing rules and compare what",
      "named-user subscriptions, Flex tokens and legacy network seats would have cost."
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 bad input or data (the message names file, line and field),",
      "2 wrong usage, 3 internal error.",
      "",
      "Start with:  seatwise compare --usage examples/acme-sessions.csv"
    })
public final class SeatwiseCommand implements Runnable {
  /**
   * The subcommands by name, in the order of the help. They are added by the composition root
   * ({@code Main}), not in the {@code @Command} annotation, so that a run of one command builds the
   * picocli model of that command only (each model is made by reflection over its options).
   */
  public static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  /** The subcommands that read usage with a price catalog: those with a {@code --catalog} option. */
  public static final Set<String> READS_CATALOG =
      Set.of(
          "compare",
          "explain",
          "forecast",
          "review",
          "concurrency",
          "sensitivity",
          "trade-in",
          "reconcile");

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: try 'seatwise compare --usage FILE'");
  }

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("compare", CompareCommand.class);
    m.put("explain", ExplainCommand.class);
    m.put("forecast", ForecastCommand.class);
    m.put("review", ReviewCommand.class);
    m.put("concurrency", ConcurrencyCommand.class);
    m.put("sensitivity", SensitivityCommand.class);
    m.put("trade-in", TradeInCommand.class);
    m.put("reconcile", ReconcileCommand.class);
    m.put("catalogs", CatalogsCommand.class);
    m.put("generate", GenerateCommand.class);
    return Collections.unmodifiableMap(m);
  }

  /** The version from the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SeatwiseCommand.class.getPackage().getImplementationVersion();
      return new String[] {"seatwise " + (v == null ? "(development build)" : v)};
    }
  }
}
