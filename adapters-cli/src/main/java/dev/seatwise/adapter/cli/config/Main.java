package dev.seatwise.adapter.cli.config;

import dev.seatwise.adapter.cli.ErrorHandler;
import dev.seatwise.adapter.cli.SeatwiseCommand;
import dev.seatwise.adapter.cli.UsageErrorHandler;
import dev.seatwise.adapter.cli.UseCases;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** The {@code seatwise} executable: {@code java -jar seatwise.jar COMMAND [OPTIONS]}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line wired to the real adapters and services. */
  public static CommandLine commandLine() {
    return commandLine(new Wiring());
  }

  /** The command line wired to {@code useCases}. */
  public static CommandLine commandLine(UseCases useCases) {
    CommandLine cli = new CommandLine(new SeatwiseCommand(), new Factory(useCases));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    cli.setUsageHelpWidth(100);
    return cli;
  }

  /** Gives commands that take {@link UseCases} their use cases; builds the others as usual. */
  private static final class Factory implements IFactory {
    private final UseCases useCases;

    Factory(UseCases useCases) {
      this.useCases = useCases;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return cls.getDeclaredConstructor(UseCases.class).newInstance(useCases);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
