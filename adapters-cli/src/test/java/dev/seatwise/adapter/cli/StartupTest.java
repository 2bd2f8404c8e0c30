package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.adapter.cli.config.Main;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** The command line is built for the command a run names, and still offers every command. */
class StartupTest {
  @Test
  void eachSubcommandIsRegisteredUnderTheNameItsAnnotationGives() {
    for (Map.Entry<String, Class<?>> c : SeatwiseCommand.SUBCOMMANDS.entrySet()) {
      assertThat(c.getValue().getAnnotation(Command.class).name()).isEqualTo(c.getKey());
    }
    assertThat(SeatwiseCommand.SUBCOMMANDS).hasSize(10);
  }

  @Test
  void aRunOfOneCommandBuildsThatCommandOnly() {
    assertThat(Main.commandLineFor(new String[] {"compare", "--usage", "x.csv"}).getSubcommands())
        .containsOnlyKeys("compare");
    assertThat(Main.commandLineFor(new String[] {"trade-in"}).getSubcommands())
        .containsOnlyKeys("trade-in");
  }

  @Test
  void aVersionRunBuildsNoCommand() {
    assertThat(Main.commandLineFor(new String[] {"--version"}).getSubcommands()).isEmpty();
    assertThat(Main.commandLineFor(new String[] {"-V"}).getSubcommands()).isEmpty();
  }

  @Test
  void anyOtherRunBuildsEveryCommand() {
    for (String[] args :
        new String[][] {{}, {"--help"}, {"-V", "compare"}, {"frobnicate"}, {"Compare"}}) {
      assertThat(Main.commandLineFor(args).getSubcommands().keySet())
          .containsExactlyElementsOf(SeatwiseCommand.SUBCOMMANDS.keySet());
    }
  }

  @Test
  void theTopLevelHelpListsEveryCommandInOrder() {
    Cli.Result r = Cli.run("--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .containsSubsequence(SeatwiseCommand.SUBCOMMANDS.keySet().toArray(String[]::new));
  }

  @Test
  void aCommandsHelpAndVersionWorkWhenOnlyItIsBuilt() {
    Cli.Result help = Cli.run("compare", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Usage: seatwise compare");

    Cli.Result version = Cli.run("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("seatwise ");
  }
}
