package dev.seatwise.adapter.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.seatwise.adapter.cli.SeatwiseCommand;
import dev.seatwise.application.port.out.CatalogException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The catalog a run will read is guessed from its arguments and parsed early; what the command
 * then gets is what parsing it at that point gives, catalog or error.
 */
class CatalogPrefetchTest {
  @Test
  void the_catalog_of_a_command_that_reads_usage_is_guessed_from_its_arguments() {
    assertThat(guess("compare", "--usage", "x.csv")).isEqualTo("autodesk");
    assertThat(guess("forecast", "--usage", "x.csv", "--catalog", "units-pool"))
        .isEqualTo("units-pool");
    assertThat(guess("trade-in", "--catalog=my prices.yaml", "--usage", "x.csv"))
        .isEqualTo("my prices.yaml");
    assertThat(guess("compare", "--usage", "x.csv", "--", "--catalog", "y")).isEqualTo("autodesk");
  }

  @Test
  void no_catalog_is_guessed_for_help_version_or_commands_that_read_none() {
    assertThat(Main.catalogToPrefetch(new String[] {"compare", "--help"})).isEmpty();
    assertThat(Main.catalogToPrefetch(new String[] {"compare", "--usage", "x", "-V"})).isEmpty();
    assertThat(Main.catalogToPrefetch(new String[] {"catalogs", "--show", "autodesk"})).isEmpty();
    assertThat(Main.catalogToPrefetch(new String[] {"generate", "--users", "3"})).isEmpty();
    assertThat(Main.catalogToPrefetch(new String[] {"compare"})).isEmpty();
    assertThat(Main.catalogToPrefetch(new String[] {})).isEmpty();
  }

  @Test
  void a_prefetched_catalog_is_the_one_parsed_when_asked_for() {
    Wiring early = new Wiring();
    early.prefetchCatalog("autodesk");
    assertThat(early.prefetchesNotTaken()).containsExactly("autodesk");
    assertThat(early.catalog("autodesk")).isEqualTo(new Wiring().catalog("autodesk"));
    // the prefetched result was the one taken, not a second parse beside it
    assertThat(early.prefetchesNotTaken()).isEmpty();
  }

  @Test
  void a_prefetched_broken_catalog_fails_as_parsing_it_when_asked_for_fails(@TempDir Path dir)
      throws IOException {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "vendor: X\ncurrency: USD\neffective: 2025-01-01\nproducts:\n"
        + "  - id: A\n    namedUser: {annual: 1e3}\n");
    Throwable late = catchThrowable(() -> new Wiring().catalog(broken.toString()));
    Wiring early = new Wiring();
    early.prefetchCatalog(broken.toString());
    Throwable prefetched = catchThrowable(() -> early.catalog(broken.toString()));
    assertThat(early.prefetchesNotTaken()).isEmpty();

    assertThat(late).isInstanceOf(CatalogException.class).hasMessageContaining("line 6");
    assertThat(prefetched).isInstanceOf(CatalogException.class).hasMessage(late.getMessage());

    Throwable missing = catchThrowable(() -> new Wiring().catalog("nosuch"));
    Wiring guessed = new Wiring();
    guessed.prefetchCatalog("nosuch");
    assertThat(catchThrowable(() -> guessed.catalog("nosuch")))
        .isInstanceOf(CatalogException.class)
        .hasMessage(missing.getMessage());
  }

  @Test
  void a_catalog_asked_for_under_another_name_is_parsed_then() {
    Wiring w = new Wiring();
    w.prefetchCatalog("units-pool");
    assertThat(w.catalog("autodesk")).isEqualTo(new Wiring().catalog("autodesk"));
    assertThat(w.prefetchesNotTaken()).containsExactly("units-pool");
  }

  @Test
  void the_commands_guessed_for_are_exactly_those_with_a_catalog_option() {
    Set<String> withCatalog = new TreeSet<>();
    for (Map.Entry<String, CommandLine> c : Main.commandLine().getSubcommands().entrySet()) {
      if (c.getValue().getCommandSpec().findOption("--catalog") != null) {
        withCatalog.add(c.getKey());
      }
    }
    // generate reads no usage: its catalog prices one format only (autodesk-token-usage), so a
    // generate run is not worth a guess
    assertThat(withCatalog.remove("generate")).isTrue();
    assertThat(withCatalog).hasSize(8).isEqualTo(new TreeSet<>(SeatwiseCommand.READS_CATALOG));
  }

  @Test
  void a_run_with_a_bad_catalog_says_and_exits_as_without_the_prefetch(@TempDir Path dir)
      throws IOException {
    Path usage = dir.resolve("usage.csv");
    Files.writeString(usage, "user,product,start,end\nann,ACD,2025-01-06T09:00:00Z,"
        + "2025-01-06T17:00:00Z\n");
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "vendor: X\ncurrency: [\n");
    for (String catalog : new String[] {broken.toString(), dir.resolve("none.yaml").toString()}) {
      String[] args = {"compare", "--usage", usage.toString(), "--catalog", catalog};
      assertThat(Main.catalogToPrefetch(args)).contains(catalog);
      String[] prefetched = run(Main.commandLineFor(args), args);
      String[] plain = run(Main.commandLine(new Wiring(), args), args);

      assertThat(prefetched).containsExactly(plain);
      assertThat(prefetched[0]).isEqualTo("1");
      assertThat(prefetched[1]).contains(catalog);
    }
  }

  /** The exit code, standard error and standard output of {@code cli} run with {@code args}. */
  private static String[] run(CommandLine cli, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new String[] {String.valueOf(exit), err.toString(), out.toString()};
  }

  private static String guess(String... args) {
    return Main.catalogToPrefetch(args).orElseThrow();
  }
}
