package dev.seatwise.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes: 1 for bad input or data (message names file, line and field), 2 for wrong usage. */
class BadInputTest {
  @TempDir static Path dir;
  static Path bad;

  @BeforeAll
  static void writeFiles() throws Exception {
    bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        "user,product,start,end\n"
            + "a@x.com,ACD,2025-01-06T09:00:00Z,2025-01-06T17:00:00Z\n"
            + "b@x.com,ACD,2025-01-06T10:00:00Z,2025-01-06T09:00:00Z\n" // line 3: end before start
            + "c@x.com,XYZ,2025-01-06T10:00:00Z,2025-01-06T12:00:00Z\n"); // line 4: unknown product
  }

  @Test
  void badRowsAreRejectedWithFileLineAndFieldAndTheRestIsAnalysed() {
    Cli.Result r =
        Cli.run("compare", "--usage", bad.toString(), "--catalog", Cli.TINY, "-o", "json");

    assertThat(r.exit()).isZero();
    JsonNode imp = r.json().get("import");
    assertThat(imp.get("rowsRead").asLong()).isEqualTo(3);
    assertThat(imp.get("accepted").asLong()).isEqualTo(1);
    assertThat(imp.get("rejected").asLong()).isEqualTo(2);
    JsonNode first = imp.at("/rejections/0");
    assertThat(first.get("file").asText()).isEqualTo(bad.toString());
    assertThat(first.get("line").asLong()).isEqualTo(3);
    assertThat(first.get("field").asText()).isEqualTo("end");
    assertThat(first.get("reason").asText()).contains("before start");
    assertThat(imp.at("/rejections/1/reason").asText()).contains("unknown product");
  }

  @Test
  void theTableListsTheRejections() {
    Cli.Result r = Cli.run("compare", "--usage", bad.toString(), "--catalog", Cli.TINY);

    assertThat(r.out()).contains("1 accepted, 2 rejected").contains(bad + ":3 [end]: end");
  }

  @Test
  void strictModeStopsAtTheFirstBadRowWithExit1AndNoStackTrace() {
    Cli.Result r = Cli.run("compare", "--usage", bad.toString(), "--catalog", Cli.TINY, "--strict");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(bad + ":3 [end]").contains("before start").doesNotContain("\tat ");
  }

  @Test
  void verboseAddsTheStackTrace() {
    Cli.Result r =
        Cli.run(
            "compare", "--usage", bad.toString(), "--catalog", Cli.TINY, "--strict", "--verbose");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("UsageImportException").contains("\tat ");
  }

  @Test
  void aMissingFileIsBadInput() {
    Cli.Result r =
        Cli.run("compare", "--usage", dir.resolve("nope.csv").toString(), "--catalog", Cli.TINY);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("nope.csv").contains("not found");
  }

  @Test
  void anUnknownCatalogIsBadInput() {
    Cli.Result r = Cli.run("compare", "--usage", bad.toString(), "--catalog", "nosuch");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no catalog 'nosuch'");
  }

  @Test
  void aMalformedCatalogNamesTheKeyAndLine() throws Exception {
    Path catalog = dir.resolve("broken.yaml");
    Files.writeString(
        catalog,
        "vendor: X\n"
            + "currency: USD\n"
            + "effective: 2025-01-01\n"
            + "products:\n"
            + "  - id: ACD\n"
            + "    flexTokensPerDay: seven\n");

    Cli.Result r = Cli.run("compare", "--usage", bad.toString(), "--catalog", catalog.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("broken.yaml").contains("flexTokensPerDay").contains("line 6");
  }

  @Test
  void aFileOfNoKnownFormatIsBadInput() throws Exception {
    Path odd = dir.resolve("odd.csv");
    Files.writeString(odd, "foo,bar\n1,2\n");

    Cli.Result r = Cli.run("compare", "--usage", odd.toString(), "--catalog", Cli.TINY);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("odd.csv").contains("cannot tell the format");
  }

  @Test
  void anUnknownOptionIsWrongUsageWithExit2() {
    Cli.Result r = Cli.run("compare", "--usage", bad.toString(), "--frobnicate");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--frobnicate'").contains("--help");
  }

  @Test
  void aUsageReportWithoutDatesAsksForThePeriodInsteadOfSayingNoRowWasAccepted() throws Exception {
    // its one row is accepted, but a total without a Last accessed date has no day: the message
    // said "the sources held no accepted rows"
    Path report = dir.resolve("usage-report.csv");
    Files.writeString(report, "Email,Product,Days used,Last accessed\na@x.com,AutoCAD,5,Never\n");

    Cli.Result compare = Cli.run("compare", "--usage", report.toString());
    Cli.Result review = Cli.run("review", "--usage", report.toString());
    Cli.Result dated =
        Cli.run("compare", "--usage", report.toString(), "--from", "2025-01-01", "--to", "2026-01-01");

    assertThat(compare.exit()).isEqualTo(1);
    assertThat(compare.err())
        .contains("the 1 usage row(s) read are totals without a Last accessed date")
        .contains("--from and --to")
        .doesNotContain("no accepted rows");
    assertThat(review.exit()).isEqualTo(1);
    assertThat(review.err()).contains("give it with --as-of or --to");
    assertThat(dated.exit()).isZero();
  }

  @Test
  void aNegativeTopIsWrongUsageBeforeAnyFileIsRead() {
    // it was taken as "all"; --top 0 is all. bad.csv is never read: the error is the option's
    for (String command : new String[] {"compare", "review"}) {
      Cli.Result r = Cli.run(command, "--usage", bad.toString(), "--top", "-3");

      assertThat(r.exit()).as(command).isEqualTo(2);
      assertThat(r.err()).as(command).contains("--top must be >= 0 (0 = all) but was -3")
          .doesNotContain("bad.csv");
    }
  }

  @Test
  void aMissingRequiredOptionOrCommandIsWrongUsage() {
    assertThat(Cli.run("compare").exit()).isEqualTo(2);
    assertThat(Cli.run().exit()).isEqualTo(2);
    assertThat(Cli.run("frobnicate").exit()).isEqualTo(2);
  }

  @Test
  void aBadDateOrAnEmptyPeriodIsWrongUsage() {
    Cli.Result badDate = Cli.run("compare", "--usage", bad.toString(), "--from", "1/2/2025");
    Cli.Result empty =
        Cli.run("compare", "--usage", bad.toString(), "--from", "2025-02-01", "--to", "2025-02-01");

    assertThat(badDate.exit()).isEqualTo(2);
    assertThat(badDate.err()).contains("--from");
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).contains("must be after --from");
  }

  @Test
  void aDateOptionOutsideThePlausibleDatesIsWrongUsageNotAnInternalError() {
    // before: review --as-of 9999-01-01 overflowed a long (exit 3), forecast --as-of 9999-01-01
    // projected 2.9 million days of history, compare --from 0001-01-01 priced 3.6 million days
    for (String[] args :
        new String[][] {
          {"review", "--as-of", "9999-01-01"},
          {"forecast", "--as-of", "9999-01-01"},
          {"trade-in", "--product", "ACD", "--seats", "1", "--as-of", "1000-01-01"},
          {"compare", "--from", "0001-01-01"},
          {"concurrency", "--to", "2101-01-02"}
        }) {
      String[] all = new String[args.length + 4];
      System.arraycopy(args, 0, all, 0, args.length);
      System.arraycopy(
          new String[] {"--usage", bad.toString(), "--catalog", Cli.TINY}, 0, all, args.length, 4);

      Cli.Result r = Cli.run(all);

      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err())
          .as(String.join(" ", args))
          .contains("Invalid value for option '" + args[args.length - 2] + "'")
          .contains("outside the plausible dates 1990-01-01 to 2100-12-31")
          .doesNotContain("internal error");
    }
  }

  @Test
  void anImpossibleDateIsNamedWithoutJavaClassNames() {
    Cli.Result r = Cli.run("compare", "--usage", bad.toString(), "--from", "2025-13-01");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("Invalid value for option '--from'")
        .contains("'2025-13-01' is not a date (YYYY-MM-DD)")
        .doesNotContain("java.time");
  }

  @Test
  void anAmountOptionOutsideAPlausibleRangeIsWrongUsageNotAnInternalError() {
    // before: --maintenance 1e999999999 was exit 3 (BigInteger would overflow), --named-price abc
    // named java.lang.NumberFormatException
    Cli.Result huge =
        Cli.run("trade-in", "--usage", bad.toString(), "--catalog", Cli.TINY, "--product", "ACD",
            "--seats", "1", "--maintenance", "1e999999999");
    Cli.Result text =
        Cli.run("trade-in", "--usage", bad.toString(), "--catalog", Cli.TINY, "--product", "ACD",
            "--seats", "1", "--named-price", "abc");

    assertThat(huge.exit()).isEqualTo(2);
    assertThat(huge.err())
        .contains("Invalid value for option '--maintenance': '1e999999999' is not an amount")
        .doesNotContain("internal error");
    assertThat(text.exit()).isEqualTo(2);
    assertThat(text.err())
        .contains("Invalid value for option '--named-price': 'abc' is not an amount")
        .doesNotContain("java.lang");
  }

  @Test
  void anUnknownZoneIsNamedWithoutJavaClassNames() {
    // before: "cannot convert 'Mars/Olympus' to class java.time.ZoneId (java.time.zone.
    // ZoneRulesException: Unknown time-zone ID: Mars/Olympus)"
    Cli.Result r = Cli.run("compare", "--usage", bad.toString(), "--zone", "Mars/Olympus");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("Invalid value for option '--zone': 'Mars/Olympus' is not a time zone")
        .doesNotContain("java.time");
  }

  @Test
  void optionErrorsReadAsTextNotAsFormatStringsOrJavaExceptions() {
    // before: "usage change must be in (-100, 1000] %% but was -100" (a printf escape printed as
    // is) and "cannot convert 'nope' to GenerateFormat (java.lang.IllegalArgumentException: ..."
    Cli.Result usage =
        Cli.run("sensitivity", "--usage", bad.toString(), "--catalog", Cli.TINY, "--usage-change=-100");
    Cli.Result format = Cli.run("generate", "--format", "nope");

    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.err()).contains("usage change must be in (-100, 1000] % but was -100");
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err())
        .contains("Invalid value for option '--format': unknown format 'nope'")
        .doesNotContain("java.lang")
        .doesNotContain("GenerateFormat");
  }

  @Test
  void aFolderThatDoesNotExistIsNamedAsTheReasonAFileCannotBeWritten() {
    // before: "x.csv: cannot write: /no/such/folder/x.csv" (the exception's message is the path)
    Path out = dir.resolve("no-such-folder").resolve("x.csv");

    Cli.Result r = Cli.run("generate", "--users", "1", "--days", "1", "--out", out.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(out + ": cannot write: the folder " + out.getParent() + " does not exist");
  }

  @Test
  void currentLeftOutSaysWhenTheTodaysPlanFilesHadNoRowToUse() throws Exception {
    // before: "no subscriptions export or token lots were given" right after listing the lots
    // file's rejections: the file was given, none of its rows could be used
    Path lots = dir.resolve("lots.csv");
    Files.writeString(lots, "purchase_date,tokens,unit_price\n2025-01-01,-500,3.00\n");

    Cli.Result r =
        Cli.run("compare", "--usage", bad.toString(), "--catalog", Cli.TINY, "--lots", lots.toString(),
            "-o", "json");

    assertThat(r.exit()).isZero();
    assertThat(r.json().get("notes").toString())
        .contains("current is left out: no subscription, seat assignment or token lot to evaluate")
        .doesNotContain("were given");
  }

  @Test
  void anUnknownProductOrFormatInAnOptionIsWrongUsage() {
    Cli.Result product =
        Cli.run("compare", "--usage", bad.toString(), "--catalog", Cli.TINY, "--no-flex", "XYZ");
    Cli.Result format = Cli.run("compare", "--usage", bad.toString(), "--usage-format", "excel");

    assertThat(product.exit()).isEqualTo(2);
    assertThat(product.err()).contains("'XYZ' is not a product").contains("ACD, RVT, C3D");
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err()).contains("--usage-format").contains("sessions-csv");
  }

  @Test
  void jsonOutputKeepsStandardOutputCleanEvenWithRejections() {
    Cli.Result r =
        Cli.run("compare", "--usage", bad.toString(), "--catalog", Cli.TINY, "-o", "json");

    assertThat(r.err()).isEmpty();
    assertThat(r.json().isObject()).isTrue();
    assertThat(r.out().strip()).startsWith("{").endsWith("}");
  }
}
