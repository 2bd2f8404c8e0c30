package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command's help fits 100 columns, so that picocli never wraps a line itself: its example
 * lines were wrapped mid-command (a `\` alone on a line, or a second line with none), and a
 * command copied from them broke.
 */
class HelpTextTest {
  private static final List<String> COMMANDS =
      List.of("compare", "explain", "forecast", "review", "concurrency", "sensitivity", "trade-in",
          "reconcile", "catalogs", "generate");

  @Test
  void everyHelpLineFitsAndEveryExampleContinuesWhereItSaysItDoes() {
    for (String command : COMMANDS) {
      Cli.Result r = Cli.run(command, "--help");
      List<String> lines = r.out().lines().toList();

      assertThat(r.exit()).as(command).isZero();
      assertThat(lines).as(command).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Text.WIDTH));
      int example = lines.indexOf("Example:");
      assertThat(example).as(command).isNotNegative();
      for (int i = example + 1; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank()) {
          break; // the examples end at a blank line
        }
        // each example line is a command, or the continuation of one whose line ends in " \"
        assertThat(line.startsWith("  seatwise ") || line.startsWith("      -"))
            .as("%s: %s", command, line)
            .isTrue();
        if (line.startsWith("      -")) {
          assertThat(lines.get(i - 1)).as(command).endsWith(" \\");
        }
      }
    }
  }
}
