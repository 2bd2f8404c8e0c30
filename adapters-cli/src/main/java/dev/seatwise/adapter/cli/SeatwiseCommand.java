package dev.seatwise.adapter.cli;

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
    subcommands = {
      CompareCommand.class,
      ExplainCommand.class,
      ForecastCommand.class,
      ReviewCommand.class,
      ConcurrencyCommand.class,
      SensitivityCommand.class,
      TradeInCommand.class,
      ReconcileCommand.class,
      CatalogsCommand.class,
      GenerateCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 bad input or data (the message names file, line and field),",
      "2 wrong usage, 3 internal error.",
      "",
      "Start with:  seatwise compare --usage examples/acme-sessions.csv"
    })
public final class SeatwiseCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: try 'seatwise compare --usage FILE'");
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
