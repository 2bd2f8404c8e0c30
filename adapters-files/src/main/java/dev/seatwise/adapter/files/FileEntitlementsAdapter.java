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
import dev.seatwise.domain.tokens.TokenLot;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Today's plan from Autodesk Account exports: the Subscriptions export (seats, terms, renewal
 * dates) and the Users export (who is assigned which product or collection). Offerings map to
 * catalog products and bundles through the resolver's aliases; unknown ones are rejected as
 * "unknown product". Token lots come from the token lots CSV ({@link ImportFormat#TOKEN_LOTS});
 * a lot without a currency column is in the default currency (the catalog's, when given).
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
  private final Optional<Currency> currency;
  private final Function<LocalDate, Period> lotValidity;

  public FileEntitlementsAdapter(
      List<UsageSource> sources, ProductResolver resolver, ImportOptions options) {
    this(sources, resolver, options, Optional.empty());
  }

  /**
   * As above; token lots without a currency column are in {@code currency}, and lots without an
   * expiry last 12 months (Autodesk's rule).
   */
  public FileEntitlementsAdapter(
      List<UsageSource> sources,
      ProductResolver resolver,
      ImportOptions options,
      Optional<Currency> currency) {
    this(sources, resolver, options, currency, bought -> TokenLotsReader.DEFAULT_VALIDITY);
  }

  /**
   * As above; a token lot without an expiry lasts {@code lotValidity} of its purchase date (the
   * catalog's {@code tokens.expiresAfter} in force that day, rule F11), so that held lots last as
   * long as the packs the scenarios buy.
   */
  public FileEntitlementsAdapter(
      List<UsageSource> sources,
      ProductResolver resolver,
      ImportOptions options,
      Optional<Currency> currency,
      Function<LocalDate, Period> lotValidity) {
    this.sources = List.copyOf(requireNonNull(sources, "sources"));
    this.resolver = requireNonNull(resolver, "resolver");
    this.options = requireNonNull(options, "options");
    this.currency = requireNonNull(currency, "currency");
    this.lotValidity = requireNonNull(lotValidity, "lotValidity");
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
    List<TokenLot> lots = new ArrayList<>();
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
        case TOKEN_LOTS:
          new TokenLotsReader(currency, lotValidity).read(source.path(), name, ctx, lots, ledger);
          break;
        default:
          throw new UsageImportException(name + ": " + format.label() + " holds usage, not "
              + "entitlements; read it with FileUsageAdapter");
      }
      reports.add(ledger.report(format));
    }
    return new FileEntitlements(
        new Entitlements(subscriptions, assignments, lots), new ImportReport(reports));
  }
}
