package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.Denial;
import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlexlmLogReaderTest {
  private static final String LOG = "fixtures/adskflex-debug.log";

  /** Berlin local time on 2026-03-02/03 is UTC+1. */
  private static Instant berlin(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Berlin")).toInstant();
  }

  private static Session s(String user, String product, String start, String end) {
    return Session.of(user, product, berlin(start), berlin(end));
  }

  @Test
  void outAndInPairIntoSessionsAcrossMidnightRestartsAndTheEndOfTheLog() {
    FileImport i = Imports.readIn(LOG, "Europe/Berlin");

    assertThat(i.usage().log().sessions()).containsExactlyInAnyOrder(
        s("jsmith", "ACD", "2026-03-02T08:15:40", "2026-03-02T11:45:02"),
        s("mlee", "RVT", "2026-03-02T08:31:17", "2026-03-02T12:01:13"),
        s("jsmith", "ACD", "2026-03-02T13:00:00", "2026-03-02T17:30:45"),
        s("nightowl", "ACD", "2026-03-02T22:50:00", "2026-03-03T00:40:00"),
        s("mlee", "AECCOL", "2026-03-02T08:20:05", "2026-03-03T10:00:00"),
        s("jsmith", "ACD", "2026-03-03T07:55:00", "2026-03-03T10:00:00"),
        s("jsmith", "RVT", "2026-03-03T08:00:00", "2026-03-03T10:00:00"),
        s("mlee", "RVT", "2026-03-03T11:20:00", "2026-03-03T12:00:00"),
        s("jsmith", "ACD", "2026-03-03T10:05:00", "2026-03-03T12:15:00"));
  }

  @Test
  void aFeatureOfNoCatalogProductIsKeptUnderItsOwnNameOncePerLicence() {
    FileImport i = Imports.readIn(LOG, "Europe/Berlin");
    Session arnold = s("rpatel", "64300ARNOLD_2024_0F", "2026-03-02T09:10:12", "2026-03-02T16:10:00");
    assertThat(i.usage().unmapped()).containsExactly(arnold, arnold, arnold, arnold);
  }

  @Test
  void deniedAndUnsupportedRequestsKeepTheServersReason() {
    FileImport i = Imports.readIn(LOG, "Europe/Berlin");
    assertThat(i.usage().denials()).containsExactly(
        new Denial(berlin("2026-03-02T09:02:44"), UserId.of("tnguyen"), "87224ACD_2024_0F",
            Optional.of(ProductId.of("ACD")), "Licensed number of users already reached. (-4,342:10054 \"\")"),
        new Denial(berlin("2026-03-02T09:05:00"), UserId.of("tnguyen"), "85788BDSADV_F", Optional.empty(),
            "UNSUPPORTED: License server system does not support this feature. (-18,327:10054 \"\")"),
        new Denial(berlin("2026-03-03T11:30:00"), UserId.of("tnguyen"), "87048RVT_2024_0F",
            Optional.of(ProductId.of("RVT")), "Users are queued for this feature. (-24,332)"));
  }

  @Test
  void everyEventLineIsCountedAndBadOnesAreRejectedWithTheirLine() {
    FileImport i = Imports.readIn(LOG, "Europe/Berlin");
    FileReport r = Imports.report(i);
    assertThat(r.format()).isEqualTo("flexlm-log");
    assertThat(r.rowsRead()).isEqualTo(21);
    assertThat(r.accepted()).isEqualTo(19);
    assertThat(Imports.rejections(i)).containsExactly(
        "35: check-in of 87224ACD_2024_0F by ghost@WS-OLD-001 without a matching check-out (the OUT may precede this log)",
        "47 [user@host]: malformed OUT line: no user@host");
  }

  @Test
  void restartsAndCheckoutsOpenAtTheEndAreReportedAsNotes() {
    FileImport i = Imports.readIn(LOG, "Europe/Berlin");
    assertThat(i.notes()).extracting(n -> n.line() + ": " + n.message()).containsExactly(
        "49: license server (lmgrd) restarted: closed 3 open check-out(s) at 2026-03-03T09:00:00Z",
        "57: end of log: closed 1 open check-out(s) at 2026-03-03T11:15:00Z");
  }

  @Test
  void theIdentityMapResolvesLoginsAndPrivacyModeUsesHashedIds() {
    IdentityMap map = IdentityMap.read(Fixtures.path("fixtures/identity-map.csv"));
    ImportOptions named = ImportOptions.defaults().withZone(ZoneId.of("Europe/Berlin")).withIdentity(map);
    assertThat(Imports.read(LOG, named).usage().log().sessions())
        .extracting(x -> x.user().value())
        .containsOnly("John Smith", "Mei Lee", "nightowl");
    assertThat(Imports.read(LOG, named.withPrivacy(true)).usage().log().sessions())
        .extracting(x -> x.user().value())
        .containsOnly("5f0c2a9d71e34b1f", "Mei Lee", "nightowl");
  }

  @Test
  void theHourRepeatedWhenBerlinsClocksGoBackIsReadInTheOrderTheLogRuns() {
    // 2024-10-27: at 03:00 CEST (01:00Z) Berlin's clocks go back to 02:00 CET, so the log's wall
    // clock runs through 02:00-02:59 twice. bob's check-out at 2:50 (CEST, 00:50Z) and check-in
    // at 2:05 (CET, 01:05Z, after the change) is a 15-minute session, a billable launch (F7); read
    // as 2:05 CEST it ended before it began. Once past the change, 2:30 and 2:40 are CET too; a
    // line a few seconds behind the one before (dan at 2:09:58, beside cy at 2:10) is an
    // interleaving daemon, before the change.
    FileImport i = Imports.readIn("fixtures/adskflex-fall-back.log", "Europe/Berlin");

    assertThat(i.usage().log().sessions()).containsExactlyInAnyOrder(
        Session.of("ann", "ACD", Instant.parse("2024-10-26T23:30:00Z"), Instant.parse("2024-10-27T01:40:00Z")),
        Session.of("cy", "ACD", Instant.parse("2024-10-27T00:10:00Z"), Instant.parse("2024-10-27T01:30:00Z")),
        Session.of("dan", "RVT", Instant.parse("2024-10-27T00:09:58Z"), Instant.parse("2024-10-27T02:10:00Z")),
        Session.of("bob", "RVT", Instant.parse("2024-10-27T00:50:00Z"), Instant.parse("2024-10-27T01:05:00Z")));
    assertThat(Imports.report(i).rejected()).isZero();
  }

  @Test
  void eventsBeforeTheFirstDateAreDatedBackwardsFromIt() {
    FileImport i = Imports.read("fixtures/adskflex-rotated.log");
    assertThat(i.usage().log().sessions()).containsExactly(
        Session.of("amy", "ACD", Instant.parse("2026-03-04T23:10:00Z"), Instant.parse("2026-03-04T23:50:00Z")),
        Session.of("ben", "RVT", Instant.parse("2026-03-05T01:00:00Z"), Instant.parse("2026-03-05T03:00:00Z")));
    assertThat(Imports.report(i).rejected()).isZero();
  }

  @Test
  void aLogWithoutAnyDateRejectsItsEventsWithTheReason() {
    FileImport i = Imports.read("fixtures/adskflex-nodate.log");
    assertThat(Imports.rejections(i)).containsExactly(
        "1: no date known for this event: no start banner or TIMESTAMP line in the log",
        "2: no date known for this event: no start banner or TIMESTAMP line in the log");
    assertThat(i.usage().log().sessions()).isEmpty();
  }

  @Test
  void reasonsAndLicenceCountsOnContinuationLinesAreRead() {
    FileImport i = Imports.read("fixtures/telelogic-continuation.log");
    assertThat(i.usage().denials()).extracting(Denial::reason)
        .containsExactly("Licensed number of users already reached. (-4,342:10054 )");
    assertThat(i.usage().unmapped()).hasSize(3).allSatisfy(x -> {
      assertThat(x.product().value()).isEqualTo("TLSTOK-token");
      assertThat(x.start()).isEqualTo(Instant.parse("2017-06-08T14:46:39Z"));
      assertThat(x.end()).isEqualTo(Instant.parse("2017-06-08T15:00:00Z"));
    });
  }

  @Test
  void strictModeFailsAtTheUnmatchedCheckIn() {
    assertThatThrownBy(() -> Imports.read(LOG, ImportOptions.defaults().withStrict(true)))
        .isInstanceOf(UsageImportException.class)
        .hasMessageContaining("adskflex-debug.log:35: check-in of 87224ACD_2024_0F by ghost@WS-OLD-001");
  }

  @Test
  void datesComeFromBannersAndTimestamps() {
    assertThat(FlexlmLogReader.dateIn("TIMESTAMP 6/23/2017")).contains(LocalDate.of(2017, 6, 23));
    assertThat(FlexlmLogReader.dateIn("Server's System Date and Time: Sun Oct 30 2022 12:06:44 CET"))
        .contains(LocalDate.of(2022, 10, 30));
    assertThat(FlexlmLogReader.dateIn(
            "FlexNet Licensing (v11.16.2.1 build 244538 x64_lsb) started on life1 (linux) (11/6/2021)"))
        .contains(LocalDate.of(2021, 11, 6));
    assertThat(FlexlmLogReader.dateIn("TIMESTAMP 2/30/2017")).isEmpty();
    assertThat(FlexlmLogReader.dateIn("OUT: \"X\" a@b")).isEmpty();
  }
}
