package dev.seatwise.adapter.cli;

import picocli.CommandLine.Option;

/** How to write the answer, and how much to say when something goes wrong. */
public final class OutputOptions {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "table|json|csv",
      defaultValue = "table",
      description =
          "Output format (default: ${DEFAULT-VALUE}). JSON and CSV go to standard output, clean.")
  OutputFormat output = OutputFormat.TABLE;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show how every total is made, and the stack trace of an error.")
  boolean verbose;

  OutputFormat format() {
    return output;
  }

  boolean verbose() {
    return verbose;
  }
}
