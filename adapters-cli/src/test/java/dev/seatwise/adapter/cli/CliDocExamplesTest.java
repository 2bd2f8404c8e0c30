package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/cli.md's examples ({@code ```console} blocks whose command reads files of the repository)
 * print what the page shows. The page's {@code ...} lines stand for lines left out, and a line that
 * ends in {@code …} for the rest of that line; everything else must be printed as shown, in order.
 * The catalogs, catalogs --show and sensitivity examples had drifted (Revit LT, the bundled pool and
 * daily-usage catalogs) without a test noticing.
 */
class CliDocExamplesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern BLOCK = Pattern.compile("```console\n(.*?)```", Pattern.DOTALL);

  @TestFactory
  List<DynamicTest> everyExampleOfTheRepositorysFilesPrintsWhatThePageShows() throws Exception {
    String page = Files.readString(ROOT.resolve("docs/cli.md"));
    List<DynamicTest> tests = new ArrayList<>();
    Matcher m = BLOCK.matcher(page);
    while (m.find()) {
      List<String> lines = List.of(m.group(1).split("\n", -1));
      StringBuilder command = new StringBuilder();
      int i = 0;
      for (; i < lines.size(); i++) {
        String l = lines.get(i);
        command.append(' ').append(l.endsWith("\\") ? l.substring(0, l.length() - 1) : l);
        if (!l.endsWith("\\")) {
          break;
        }
      }
      String cmd = command.toString().strip();
      if (!cmd.startsWith("$ seatwise ")) {
        continue;
      }
      int head = -1;
      Matcher h = Pattern.compile("\\s*\\|\\s*head -(\\d+)$").matcher(cmd);
      if (h.find()) {
        head = Integer.parseInt(h.group(1));
        cmd = cmd.substring(0, h.start());
      }
      String[] args = cmd.substring("$ seatwise ".length()).strip().split("\\s+");
      if (!filesExist(args)) {
        continue; // an illustration of files the reader has (token-usage.csv, ...)
      }
      int end = lines.size();
      while (end > i + 1 && lines.get(end - 1).isEmpty()) {
        end--; // the block's last newline
      }
      List<String> shown = lines.subList(i + 1, end);
      int limit = head;
      tests.add(
          DynamicTest.dynamicTest(
              String.join(" ", args),
              () -> {
                Cli.Result r = Cli.run(inRoot(args));
                assertThat(r.exit()).as(r.err()).isZero();
                List<String> out = r.out().lines().toList();
                if (limit >= 0) {
                  out = out.subList(0, Math.min(limit, out.size()));
                }
                assertShows(shown, out);
              }));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(10);
    return tests;
  }

  /** {@code shown} (with its elisions) appears in {@code out}, in order. */
  private static void assertShows(List<String> shown, List<String> out) {
    int at = 0;
    boolean gap = false;
    for (String line : shown) {
      if (line.strip().equals("...") || line.strip().equals("…")) {
        gap = true;
        continue;
      }
      boolean prefix = line.endsWith("…");
      String want = prefix ? line.substring(0, line.length() - 1) : line;
      int found = -1;
      for (int j = at; j < out.size() && (gap || j == at); j++) {
        if (prefix ? out.get(j).startsWith(want) : out.get(j).equals(want)) {
          found = j;
          break;
        }
      }
      assertThat(found)
          .as("docs/cli.md shows%n  %s%nbut the command printed, from line %d:%n%s", line, at + 1,
              String.join("\n", out.subList(Math.min(at, out.size()), Math.min(at + 8, out.size()))))
          .isNotNegative();
      at = found + 1;
      gap = false;
    }
  }

  private static boolean filesExist(String[] args) {
    for (int i = 0; i < args.length - 1; i++) {
      if (List.of("--usage", "--entitlements", "--identities", "--lots").contains(args[i])
          && !Files.isRegularFile(ROOT.resolve(args[i + 1]))) {
        return false;
      }
    }
    return true;
  }

  private static String[] inRoot(String[] args) {
    String[] out = args.clone();
    for (int i = 0; i < out.length - 1; i++) {
      if (List.of("--usage", "--entitlements", "--identities", "--lots").contains(out[i])) {
        out[i + 1] = ROOT.resolve(out[i + 1]).toString();
      }
    }
    return out;
  }
}
