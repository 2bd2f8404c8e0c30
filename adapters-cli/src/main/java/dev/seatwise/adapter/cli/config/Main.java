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
    int code;
    try {
      code = commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println("seatwise: " + outOfMemory(args, Runtime.getRuntime().maxMemory()));
      code = ErrorHandler.BAD_INPUT;
    }
    System.exit(code);
  }

  /**
   * What to say when a run ran out of memory: the size of the files named on the command line and
   * the heap limit, with the option that raises it.
   */
  public static String outOfMemory(String[] args, long maxHeapBytes) {
    long bytes = 0;
    for (String a : args) {
      String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : a;
      for (String part : value.split(",")) {
        try {
          java.nio.file.Path p = java.nio.file.Path.of(part);
          if (java.nio.file.Files.isRegularFile(p)) {
            bytes += java.nio.file.Files.size(p);
          }
        } catch (java.io.IOException | RuntimeException ignored) {
          // not a file name
        }
      }
    }
    long mb = 1024 * 1024;
    return "out of memory: the input files (" + (bytes / mb) + " MB) need more than the Java heap"
        + " of " + (maxHeapBytes / mb) + " MB; run again with a larger heap, e.g. java -Xmx"
        + Math.max(2, 2 * (maxHeapBytes / (1024 * mb)) + 1) + "g -jar seatwise.jar ...,"
        + " or analyse a shorter period (--from/--to) or fewer files";
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
