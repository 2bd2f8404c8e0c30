package dev.seatwise.adapter.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer written to a file or a pipe is UTF-8 whatever the locale: under {@code LC_ALL=C} (a
 * cron job, a container without a locale) Java 17 writes standard output in ASCII, and {@code
 * compare -o csv > users.csv} wrote the user {@code zoë} as {@code zo?}, in JSON too, with exit 0.
 * Runs the real {@code main} in a JVM of its own, as users do.
 */
class Utf8OutputTest {
  @TempDir Path dir;

  @Test
  void jsonCsvAndTableToAPipeAreUtf8UnderThePosixLocale() throws Exception {
    Path usage = dir.resolve("users.csv");
    Files.writeString(
        usage,
        "user,product,start,end\nzoë.ürün@x.com,ACD,2025-01-06T08:00:00Z,2025-01-06T17:00:00Z\n",
        StandardCharsets.UTF_8);

    for (String format : List.of("json", "csv", "table")) {
      byte[] out = run("compare", "--usage", usage.toString(), "-o", format);

      assertThat(new String(out, StandardCharsets.UTF_8))
          .as(format)
          .contains("zoë.ürün@x.com")
          .doesNotContain("zo?");
    }
  }

  private static byte[] run(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(
        java, "-Xshare:off", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("LC_ALL", "C");
    pb.environment().put("LANG", "C");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    Process p = pb.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(out.toByteArray(), StandardCharsets.UTF_8)).isZero();
    return out.toByteArray();
  }
}
