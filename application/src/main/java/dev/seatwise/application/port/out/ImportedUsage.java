package dev.seatwise.application.port.out;

import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.SessionTable;
import dev.seatwise.domain.usage.UsageLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the usage sources held. {@code log} has sessions and days of catalog products (the
 * sessions usually a {@link SessionTable}'s view: by column, an object made only when one is read);
 * {@code unmapped} has sessions of FlexLM features that map to no catalog product, under the
 * feature's own name (for concurrency only, never dropped); {@code consumption} has the daily
 * tokens of Enterprise Token Flex pools per product line (no users); {@code tokenUsage} is held by
 * column (a {@link TokenUsageList}, whatever list is given); {@code heldUnits} has, for the few
 * sessions that held other than 1 unit (a licence manager's status check-out of N licences, tokens
 * or cores), that count, which concurrency sizing reads through {@link #sessionUnits()} (a sessions
 * CSV has none: its sessions are one seat each, and nothing is added to its table). Immutable.
 */
public record ImportedUsage(
    UsageLog log,
    List<Session> unmapped,
    List<UsageSummary> summaries,
    List<TokenUsage> tokenUsage,
    List<Denial> denials,
    List<SeatSnapshot> snapshots,
    ImportReport report,
    List<PoolConsumption> consumption,
    List<HeldUnits> heldUnits) {

  public static final ImportedUsage EMPTY =
      new ImportedUsage(
          new UsageLog(List.of(), List.of()), List.of(), List.of(), List.of(), List.of(), List.of(),
          ImportReport.EMPTY, List.of(), List.of());

  public ImportedUsage {
    unmapped = List.copyOf(unmapped);
    summaries = List.copyOf(summaries);
    tokenUsage = TokenUsageList.of(tokenUsage); // by column, immutable
    denials = List.copyOf(denials);
    snapshots = List.copyOf(snapshots);
    consumption = List.copyOf(consumption);
    heldUnits = List.copyOf(heldUnits);
  }

  /** Usage whose sessions all hold 1 unit (the form before status check-outs' units were kept). */
  public ImportedUsage(
      UsageLog log,
      List<Session> unmapped,
      List<UsageSummary> summaries,
      List<TokenUsage> tokenUsage,
      List<Denial> denials,
      List<SeatSnapshot> snapshots,
      ImportReport report,
      List<PoolConsumption> consumption) {
    this(log, unmapped, summaries, tokenUsage, denials, snapshots, report, consumption, List.of());
  }

  /** Usage without pool consumption (the form before consumption exports were read). */
  public ImportedUsage(
      UsageLog log,
      List<Session> unmapped,
      List<UsageSummary> summaries,
      List<TokenUsage> tokenUsage,
      List<Denial> denials,
      List<SeatSnapshot> snapshots,
      ImportReport report) {
    this(log, unmapped, summaries, tokenUsage, denials, snapshots, report, List.of(), List.of());
  }

  /** The same usage with {@code rows} of pool consumption instead of its own. */
  public ImportedUsage withConsumption(List<PoolConsumption> rows) {
    return new ImportedUsage(
        log, unmapped, summaries, tokenUsage, denials, snapshots, report, rows, heldUnits);
  }

  /**
   * A lookup of the units each session held (1 unless {@link #heldUnits()} says otherwise), for one
   * analysis.
   */
  public SessionUnits sessionUnits() {
    return SessionUnits.of(heldUnits);
  }

  public static ImportedUsage of(UsageLog log) {
    return new ImportedUsage(log, List.of(), List.of(), List.of(), List.of(), List.of(), ImportReport.EMPTY);
  }

  /**
   * Whether the only usage is what Flex charged (an Autodesk Token Usage export): no sessions, no
   * days, no summaries.
   */
  public boolean onlyCharges() {
    return log.sessions().isEmpty() && log.days().isEmpty() && summaries.isEmpty()
        && !tokenUsage.isEmpty();
  }

  /**
   * This usage, where {@link #onlyCharges()}, with each charge of tokens (a Token Usage row with
   * tokens above 0) taken as use of its product by its user on its day, so that the replay opens
   * one window there; rows with 0 tokens (launches under 5 minutes) open none. Otherwise this usage
   * unchanged.
   */
  public ImportedUsage withChargesAsUsage() {
    if (!onlyCharges()) {
      return this;
    }
    List<DailyUsage> days = new ArrayList<>();
    for (TokenUsage t : tokenUsage) {
      if (t.tokens() > 0) {
        days.add(new DailyUsage(t.user(), t.product(), t.day()));
      }
    }
    return new ImportedUsage(
        new UsageLog(log.sessions(), days), unmapped, summaries, tokenUsage, denials, snapshots,
        report, consumption, heldUnits);
  }

  /** The sessions of catalog products by column (the table behind {@code log}'s sessions). */
  public SessionTable sessionTable() {
    return log.sessionTable();
  }

  /**
   * Both imports together (the sessions of this one, then the other's, in one table; the units held
   * of both, each still naming its own session).
   */
  public ImportedUsage plus(ImportedUsage o) {
    // a side without sessions (a Token Usage export beside a sessions file, say) adds none: the
    // other side's table is kept as it is rather than copied
    SessionTable mine = log.sessionTable();
    SessionTable theirs = o.log.sessionTable();
    SessionTable sessions =
        theirs.size() == 0
            ? mine
            : mine.size() == 0 ? theirs : SessionTable.builder().addAll(mine).addAll(theirs).build();
    var days = new ArrayList<>(log.days());
    days.addAll(o.log.days());
    return new ImportedUsage(
        UsageLog.of(sessions, days),
        concat(unmapped, o.unmapped),
        concat(summaries, o.summaries),
        TokenUsageList.concat(tokenUsage, o.tokenUsage),
        concat(denials, o.denials),
        concat(snapshots, o.snapshots),
        report.plus(o.report),
        concat(consumption, o.consumption),
        concat(heldUnits, o.heldUnits));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
