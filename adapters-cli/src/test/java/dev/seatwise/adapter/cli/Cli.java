package dev.seatwise.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatwise.adapter.cli.config.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine;

/** Runs the real command line (real adapters and services) and captures its output. */
final class Cli {
  /** A made-up catalog with round prices (src/test/resources/cli/tiny-catalog.yaml). */
  static final String TINY = resource("cli/tiny-catalog.yaml").toString();

  private Cli() {}

  record Result(int exit, String out, String err) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("stdout is not JSON:\n" + out + "\nstderr:\n" + err, e);
      }
    }
  }

  static Result run(String... args) {
    CommandLine cli = Main.commandLineFor(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  static Path resource(String name) {
    try {
      return Paths.get(Cli.class.getClassLoader().getResource(name).toURI());
    } catch (java.net.URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }
}
