package dev.seatwise.application.service;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.LicensingException;
import dev.seatwise.application.port.in.ChargeReconciliation;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.ReconcileChargesQuery;
import dev.seatwise.application.port.in.ReconcileChargesUseCase;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.TokenUsageList;
import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.metering.Coverage;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.reconcile.ChargeReconciler;
import dev.seatwise.domain.reconcile.ChargeTable;
import dev.seatwise.domain.reconcile.Reconciliation;
import dev.seatwise.domain.reconcile.UserMatch;
import dev.seatwise.domain.usage.CalendarDays;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.SessionTable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles the Token Usage export with the replay: splits the imported usage into what Flex
 * charged and the usage to replay, resolves the period (by default from the first to the last day
 * of either, a session counting up to the day it ends), replays the usage with the catalog's meter and nobody covered by a subscription, and
 * lets {@link ChargeReconciler} set the two side by side.
 */
public final class ReconcileChargesService implements ReconcileChargesUseCase {
  private final UsagePort usage;
  private final CatalogHistory catalogs;
  private final MeterRegistry meters;

  public ReconcileChargesService(UsagePort usage, CatalogHistory catalogs, MeterRegistry meters) {
    this.usage = requireNonNull(usage, "usage");
    this.catalogs = requireNonNull(catalogs, "catalogs");
    this.meters = requireNonNull(meters, "meters");
  }

  @Override
  public ChargeReconciliation reconcile(ReconcileChargesQuery query) {
    ImportedUsage imported = usage.usage();
    if (imported.tokenUsage().isEmpty()) {
      throw new LicensingException(
          "nothing to reconcile: give the Autodesk Token Usage export (what Flex charged) among the"
              + " usage files");
    }
    if (imported.log().sessions().isEmpty() && imported.log().days().isEmpty()) {
      throw new LicensingException(
          "nothing to reconcile the charges with: give the same people's usage too (sessions CSV,"
              + " FlexLM log, lmstat or the Autodesk usage export)");
    }
    ZoneId zone = query.period().zone();
    ChargeTable charged = TokenUsageList.of(imported.tokenUsage()).charges();
    LocalDate first = LocalDate.ofEpochDay(charged.minEpochDay());
    LocalDate last = LocalDate.ofEpochDay(charged.maxEpochDay());
    SessionTable sessions = imported.log().sessionTable();
    if (sessions.size() > 0) {
      // from the day the first session starts to the day the last one ends (a window it opens by
      // running on counts): days never decrease with the instant, so the extremes give the span
      CalendarDays.InZone calendar = CalendarDays.in(zone);
      long lastEnd = Long.MIN_VALUE;
      for (int i = 0; i < sessions.size(); i++) {
        long s = sessions.startNanos(i);
        long e = sessions.endNanos(i);
        lastEnd = Math.max(lastEnd, e > s ? e - 1 : e);
      }
      LocalDate d = LocalDate.ofEpochDay(calendar.epochDay(sessions.minStartNanos()));
      LocalDate e = LocalDate.ofEpochDay(calendar.epochDay(lastEnd));
      first = first.isAfter(d) ? d : first;
      last = e.isAfter(last) ? e : last;
    }
    for (DailyUsage d : imported.log().days()) {
      first = d.day().isBefore(first) ? d.day() : first;
      last = d.day().isAfter(last) ? d.day() : last;
    }
    LocalDate from = query.period().from().orElse(first);
    LocalDate to = query.period().to().orElse(last.plusDays(1));
    if (!to.isAfter(from)) {
      throw new LicensingException("the period [" + from + ", " + to + ") is empty");
    }
    UsageAnalysis analysis =
        UsageAnalysis.of(
            imported, catalogs, new PeriodSpec(Optional.of(from), Optional.of(to), zone), meters);
    // the period's sessions and the replay's windows, as the analysis holds them (columns)
    Reconciliation r =
        ChargeReconciler.reconcile(
            charged,
            analysis.usage().sessionTable(),
            analysis.usage().days(),
            analysis.flexWindows(),
            new MeterContext(analysis.catalog(), Coverage.NONE, zone),
            from,
            to);
    List<String> notes = new ArrayList<>(analysis.notes());
    notes.add(
        "a replayed window counts on the day it opens, in " + zone + "; charged minus replayed is the"
            + " difference; users match by id, so give --identities when the logs name logins and the"
            + " export e-mails");
    long repeated = charged.repeatedRows();
    if (repeated > 0) {
      notes.add(
          repeated + " Token Usage row" + (repeated == 1 ? " repeats" : "s repeat")
              + " the day, person and product of an earlier row; the tokens of such rows are added"
              + " together (two exports that overlap? give each day once)");
    }
    UserMatch match =
        UserMatch.of(charged, imported.log().sessionTable(), imported.log().days());
    if (!match.allMatched()) {
      notes.add(unmatchedNote(match));
    }
    if (analysis.hasSummaries()) {
      notes.add("aggregated usage reports carry no dates, so they are not part of the replay");
    }
    return new ChargeReconciliation(
        analysis.period(), analysis.catalog().vendor(), imported.report(), r, notes);
  }

  /**
   * How many people are named on one side only: when many are, the two sides likely name people
   * differently, and most differences come from that alone. Counts only (no names: the note is
   * shown as it is under privacy too; the differences name the people).
   */
  static String unmatchedNote(UserMatch m) {
    return "people named on one side only: " + m.chargedWithoutUsage().size() + " of the "
        + m.charged() + " charged have no usage in the usage files, and "
        + m.usedWithoutCharge().size() + " of the " + m.used() + " with usage were never charged;"
        + " their days cannot be matched. If the two sides name people differently (FlexLM logins in"
        + " the logs, e-mails in the export), give --identities";
  }
}
