package dev.seatwise.adapter.files;

import static java.util.Objects.requireNonNull;

import dev.seatwise.adapter.files.catalog.ProductResolver;
import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.entitlement.Subscription;
import java.util.ArrayList;
import java.util.List;

/**
 * Today's plan from Autodesk Account exports: the Subscriptions export (seats, terms, renewal
 * dates) and the Users export (who is assigned which product or collection). Offerings map to
 * catalog products and bundles through the resolver's aliases; unknown ones are rejected as
 * "unknown product". Token lots are not in these exports and stay empty.
 *
 * <pre>{@code
 * EntitlementsPort plan = new FileEntitlementsAdapter(
 *     List.of(UsageSource.of(Path.of("subscriptions.csv")), UsageSource.of(Path.of("users.csv"))),
 *     catalog.resolver(), ImportOptions.defaults());
 * }</pre>
 *
 * <p>Each call reads the files again. Immutable and thread-safe.
 */
public final class FileEntitlementsAdapter implements EntitlementsPort {
  private final List<UsageSource> sources;
  private final ProductResolver resolver;
  private final ImportOptions options;

  public FileEntitlementsAdapter(
      List<UsageSource> sources, ProductResolver resolver, ImportOptions options) {
    this.sources = List.copyOf(requireNonNull(sources, "sources"));
    this.resolver = requireNonNull(resolver, "resolver");
    this.options = requireNonNull(options, "options");
  }

  /**
   * @throws UsageImportException when a file cannot be read at all, is not an entitlements
   *     export, or in strict mode at the first bad row
   */
  @Override
  public Entitlements entitlements() {
    return read().entitlements();
  }

  /** The entitlements with the row report. */
  public FileEntitlements read() {
    ReadContext ctx = new ReadContext(resolver, options);
    List<Subscription> subscriptions = new ArrayList<>();
    List<SeatAssignment> assignments = new ArrayList<>();
    List<FileReport> reports = new ArrayList<>();
    for (UsageSource source : sources) {
      String name = source.displayName();
      ImportFormat format = source.format().orElseGet(() -> FormatDetector.detect(source.path(), name));
      RowLedger ledger = new RowLedger(name, options.strict());
      switch (format) {
        case AUTODESK_SUBSCRIPTIONS:
          new AutodeskSubscriptionsReader().read(source.path(), name, ctx, subscriptions, ledger);
          break;
        case AUTODESK_USERS:
          new AutodeskUsersReader().read(source.path(), name, ctx, assignments, ledger);
          break;
        default:
          throw new UsageImportException(name + ": " + format.label() + " holds usage, not "
              + "entitlements; read it with FileUsageAdapter");
      }
      reports.add(ledger.report(format));
    }
    return new FileEntitlements(
        new Entitlements(subscriptions, assignments, List.of()), new ImportReport(reports));
  }
}
