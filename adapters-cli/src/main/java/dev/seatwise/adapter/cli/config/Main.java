package dev.seatwise.adapter.cli.config;

import dev.seatwise.adapter.cli.AmountConverter;
import dev.seatwise.adapter.cli.DateConverter;
import dev.seatwise.adapter.cli.ErrorHandler;
import dev.seatwise.adapter.cli.InputOptions;
import dev.seatwise.adapter.cli.SeatwiseCommand;
import dev.seatwise.adapter.cli.UsageErrorHandler;
import dev.seatwise.adapter.cli.UseCases;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** The {@code seatwise} executable: {@code java -jar seatwise.jar COMMAND [OPTIONS]}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code;
    try {
      CommandLine cli = commandLineFor(args);
      if (System.console() == null) {
        // standard output is a file or a pipe: the answer is data, written in UTF-8 (as JSON must
        // be) whatever the locale; under LC_ALL=C Java 17 wrote it in ASCII, 'zoë' as 'zo?'. A
        // terminal keeps its own encoding.
        cli.setOut(
            new PrintWriter(
                new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)),
                true));
      }
      code = cli.execute(args);
      cli.getOut().flush();
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

  /**
   * The command line wired to the real adapters and services, built for a run with {@code args}.
   * The catalog the run's command will read ({@link #catalogToPrefetch}) is parsed meanwhile on a
   * background thread.
   */
  public static CommandLine commandLineFor(String[] args) {
    Wiring wiring = new Wiring();
    catalogToPrefetch(args).ifPresent(wiring::prefetchCatalog);
    return commandLine(wiring, args);
  }

  /**
   * The catalog a run with {@code args} will most likely read: for a command that reads usage,
   * the value of its {@code --catalog} option, else the default; none for help, version or another
   * command. A guess only: a catalog asked for under another name is parsed when asked for.
   */
  static Optional<String> catalogToPrefetch(String[] args) {
    if (args.length < 2 || !SeatwiseCommand.READS_CATALOG.contains(args[0])) {
      return Optional.empty();
    }
    String catalog = InputOptions.DEFAULT_CATALOG;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        break;
      }
      if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
        return Optional.empty();
      }
      if (a.equals("--catalog") && i + 1 < args.length) {
        catalog = args[++i];
      } else if (a.startsWith("--catalog=")) {
        catalog = a.substring("--catalog=".length());
      }
    }
    return Optional.of(catalog);
  }

  /** The command line wired to {@code useCases}, with every command. */
  public static CommandLine commandLine(UseCases useCases) {
    return commandLine(useCases, new String[0]);
  }

  /**
   * The command line wired to {@code useCases} for a run with {@code args}: when the first argument
   * names a command, only that command is built (what the run can reach: its options, its help and
   * its errors are the same); for {@code --version} alone, none is; otherwise every command is (the
   * top-level help lists them, and an unknown command is reported as before).
   */
  public static CommandLine commandLine(UseCases useCases, String... args) {
    Factory factory = new Factory(useCases);
    CommandLine cli = new CommandLine(new SeatwiseCommand(), factory);
    String first = args.length > 0 ? args[0] : null;
    boolean one = first != null && SeatwiseCommand.SUBCOMMANDS.containsKey(first);
    boolean none = args.length == 1 && ("--version".equals(first) || "-V".equals(first));
    for (Map.Entry<String, Class<?>> c : SeatwiseCommand.SUBCOMMANDS.entrySet()) {
      if (!none && (!one || c.getKey().equals(first))) {
        cli.addSubcommand(c.getKey(), c.getValue());
      }
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.registerConverter(LocalDate.class, new DateConverter());
    cli.registerConverter(java.time.ZoneId.class, new DateConverter.Zone());
    cli.registerConverter(java.math.BigDecimal.class, new AmountConverter());
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
