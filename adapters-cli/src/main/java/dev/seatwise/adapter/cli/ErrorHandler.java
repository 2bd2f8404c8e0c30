package dev.seatwise.adapter.cli;

import dev.seatwise.application.LicensingException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become exit codes: bad input or data ({@link LicensingException} and
 * its subclasses, whose messages name file, line and field; unreadable or unwritable files) is exit
 * 1 with the message only; anything else is a bug, exit 3. {@code --verbose} adds the stack trace.
 * Wrong usage (exit 2) is picocli's own parameter handling.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {
  public static final int BAD_INPUT = 1;
  public static final int INTERNAL_ERROR = 3;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    boolean verbose = verbose(parseResult);
    int code;
    if (ex instanceof LicensingException
        || ex instanceof UncheckedIOException
        || ex instanceof java.io.IOException) {
      err.println(cmd.getColorScheme().errorText("seatwise: " + message(ex)));
      code = BAD_INPUT;
    } else {
      err.println(
          cmd.getColorScheme()
              .errorText(
                  "seatwise: internal error: "
                      + ex
                      + (verbose
                          ? ""
                          : " (this is a bug; run again with --verbose for the details)")));
      code = INTERNAL_ERROR;
    }
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static String message(Exception ex) {
    String m = ex.getMessage();
    return m == null || m.isBlank() ? ex.getClass().getSimpleName() : Text.safe(m);
  }

  private static boolean verbose(ParseResult result) {
    for (ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
