package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.application.port.out.UsageImportException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The one place where failures become exit codes. */
class ErrorHandlerTest {
  @Command(name = "fail")
  static final class Failing implements Runnable {
    @Option(names = "--verbose")
    boolean verbose;

    @Option(names = "--bug")
    boolean bug;

    @Override
    public void run() {
      if (bug) {
        throw new IllegalStateException("boom");
      }
      throw new UsageImportException("usage.csv:7 [start]: not an instant");
    }
  }

  private static String[] run(String... args) {
    CommandLine cli = new CommandLine(new Failing());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new String[] {Integer.toString(exit), err.toString()};
  }

  @Test
  void aLicensingExceptionIsExit1WithItsMessageOnly() {
    String[] r = run();

    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1])
        .isEqualTo("seatwise: usage.csv:7 [start]: not an instant" + System.lineSeparator());
  }

  @Test
  void anythingElseIsAnInternalErrorWithExit3() {
    String[] r = run("--bug");

    assertThat(r[0]).isEqualTo("3");
    assertThat(r[1])
        .contains("internal error")
        .contains("boom")
        .contains("--verbose")
        .doesNotContain("\tat ");
  }

  @Test
  void verboseAddsTheStackTrace() {
    String[] r = run("--bug", "--verbose");

    assertThat(r[1]).contains("IllegalStateException: boom").contains("\tat ");
  }
}
