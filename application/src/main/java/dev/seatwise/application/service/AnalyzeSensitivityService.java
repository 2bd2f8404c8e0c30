package dev.seatwise.application.service;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.application.port.in.AnalysisPeriod;
import dev.seatwise.application.port.in.AnalyzeSensitivityQuery;
import dev.seatwise.application.port.in.AnalyzeSensitivityUseCase;
import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.ProductBreakEven;
import dev.seatwise.application.port.in.ProductUsage;
import dev.seatwise.application.port.in.Scenario;
import dev.seatwise.application.port.in.SensitivityCase;
import dev.seatwise.application.port.in.SensitivityCase.Dimension;
import dev.seatwise.application.port.in.SensitivityReport;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.metering.MeterRegistry;
import dev.seatwise.domain.metering.WindowScaling;
import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.plan.BreakEven;
import dev.seatwise.domain.tokens.PackPricing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@link CompareScenariosService} on in-memory ports holding changed prices or usage, one
 * change at a time, over the baseline's period (so that a change of usage never moves the period).
 * The usage is read and analysed once ({@link UsageAnalysis}: the Flex replay, its counts and its
 * window table); each change of prices compares that analysis at its prices ({@link
 * UsageAnalysis#repriced}), and each change of usage is scaled by column ({@link WindowScaling})
 * and analysed on its own.
 *
 * <ul>
 *   <li><b>token price</b> x (1 + p/100): every pack's price per token and the lots held (which the
 *       current plan's total includes), each rounded to its own decimals, at least the currency's
 *       (see {@link PriceScaling});
 *   <li><b>named prices</b> x (1 + p/100): every product's and bundle's named price, each rounded
 *       once to the currency's scale, and negotiated subscription prices; network-seat prices stay;
 *   <li><b>usage</b> x (1 + p/100): whole visits (the sessions one chain of access windows covers)
 *       and days dropped or repeated deterministically so that the windows move by the factor,
 *       rounded down once ({@link WindowScaling}); the case reports the windows that result and a
 *       note with the target, so the effective change is visible.
 * </ul>
 *
 * Break-evens ({@link BreakEven}) are given per product with both a named price and a token rate, at
 * the best price per token of any pack of the catalog version in force at the period's start.
 *
 * <p>Stateless apart from its ports; thread-safe when they are.
 */
public final class AnalyzeSensitivityService implements AnalyzeSensitivityUseCase {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final UsagePort usage;
  private final CatalogHistory catalogs;
  private final EntitlementsPort entitlements;
  private final MeterRegistry meters;

  /** A service with the standard meters (Flex access windows, network seats). */
  public AnalyzeSensitivityService(
      UsagePort usage, CatalogHistory catalog, EntitlementsPort entitlements) {
    this(usage, catalog, entitlements, MeterRegistry.standard());
  }

  /** A service with the given meters (e.g. the standard ones plus service-loaded plug-ins). */
  public AnalyzeSensitivityService(
      UsagePort usage, CatalogHistory catalog, EntitlementsPort entitlements, MeterRegistry meters) {
    this.usage = checkNotNull(usage, "usage");
    this.catalogs = checkNotNull(catalog, "catalog");
    this.entitlements = checkNotNull(entitlements, "entitlements");
    this.meters = checkNotNull(meters, "meters");
  }

  @Override
  public SensitivityReport analyze(AnalyzeSensitivityQuery query) {
    checkNotNull(query, "query");
    ImportedUsage imported = usage.usage();
    Entitlements held = entitlements.entitlements();
    // the usage analysed once (the replay, its counts and window table): a change of prices
    // compares the same usage, so every price change reuses it
    UsageAnalysis analysis =
        UsageAnalysis.of(
            imported, catalogs, query.compare().period(), meters,
            UsageAnalysis.DefaultPeriod.AT_LEAST_A_YEAR);
    Comparison base = compare(imported, analysis, catalogs, held, query.compare());
    AnalysisPeriod period = base.period();
    // a pool vendor's break-even counts tokens of pool need, not windows
    boolean pool = analysis.isCapacityMetered();
    CompareScenariosQuery pinned =
        new CompareScenariosQuery(
            PeriodSpec.of(period.from(), period.to(), period.zone()),
            query.compare().pins(),
            query.compare().flexExcluded(),
            query.compare().tokenCap(),
            query.compare().networkSeats())
            .withPoolRefusalRate(query.compare().poolRefusalRate());
    List<SensitivityCase> cases = new ArrayList<>();
    for (BigDecimal p : query.tokenPriceChanges()) {
      BigDecimal f = factor(p);
      CatalogHistory scaled = PriceScaling.tokenPrices(catalogs, f);
      Comparison c =
          repriced(imported, analysis, scaled, PriceScaling.tokenPrices(held, f), pinned);
      cases.add(of(Dimension.TOKEN_PRICE, p, c, scaled, period, List.of(), pool));
    }
    for (BigDecimal p : query.namedPriceChanges()) {
      BigDecimal f = factor(p);
      CatalogHistory scaled = PriceScaling.namedPrices(catalogs, f);
      Comparison c =
          repriced(imported, analysis, scaled, PriceScaling.namedPrices(held, f), pinned);
      cases.add(of(Dimension.NAMED_PRICE, p, c, scaled, period, List.of(), pool));
    }
    Catalog rates = catalogs.versionOn(period.from()).orElse(catalogs.versions().get(0));
    for (BigDecimal p : query.usageChanges()) {
      UsageScaling.Scaled scaled = UsageScaling.scale(imported, factor(p), period, rates.metering());
      Comparison c = compare(scaled.usage(), catalogs, held, pinned);
      WindowScaling.Scaled w = scaled.windows();
      List<String> notes = new ArrayList<>();
      notes.add(
          "usage " + (p.signum() > 0 ? "+" : "") + p.stripTrailingZeros().toPlainString() + "%: "
              + w.windows() + " access windows x " + w.factor().stripTrailingZeros().toPlainString()
              + " = " + w.target() + " (rounded down once); whole visits dropped or repeated: "
              + w.scaledWindows() + " windows"
              + (w.maxVisitWindows() > 1
                  ? " (within " + w.maxVisitWindows() / 2 + " of the target: the longest visit runs "
                      + w.maxVisitWindows() + " windows)"
                  : ""));
      if (w.unplaced() > 0) {
        notes.add(
            w.unplaced() + " repeated visit(s) or day(s) (" + w.unplacedWindows() + " windows) found"
                + " no free place in the period and were left out");
      }
      cases.add(of(Dimension.USAGE, p, c, catalogs, period, notes, pool));
    }
    List<String> notes = new ArrayList<>(base.notes());
    return new SensitivityReport(
        period, of(Dimension.BASELINE, BigDecimal.ZERO, base, catalogs, period, List.of(), pool), cases, notes);
  }

  /** The comparison of usage of its own (a change of usage): read, replayed and compared. */
  private Comparison compare(
      ImportedUsage imported, CatalogHistory history, Entitlements held, CompareScenariosQuery q) {
    return new CompareScenariosService(() -> imported, history, () -> held, meters).compare(q);
  }

  /** The comparison of usage already analysed, at the prices of {@code history}. */
  private Comparison compare(
      ImportedUsage imported,
      UsageAnalysis analysis,
      CatalogHistory history,
      Entitlements held,
      CompareScenariosQuery q) {
    return new CompareScenariosService(() -> imported, history, () -> held, meters)
        .compare(q, imported, analysis, held);
  }

  /**
   * The comparison of the analysed usage at changed prices ({@code history}): the analysis
   * repriced when its meter reads no price (the Flex replay), else the usage analysed again.
   */
  private Comparison repriced(
      ImportedUsage imported,
      UsageAnalysis analysis,
      CatalogHistory history,
      Entitlements held,
      CompareScenariosQuery q) {
    UsageAnalysis at =
        analysis
            .repriced(history)
            .orElseGet(
                () ->
                    UsageAnalysis.of(
                        imported, history, q.period(), meters,
                        UsageAnalysis.DefaultPeriod.AT_LEAST_A_YEAR));
    return compare(imported, at, history, held, q);
  }

  private static BigDecimal factor(BigDecimal percent) {
    return BigDecimal.ONE.add(percent.divide(HUNDRED));
  }

  private static SensitivityCase of(
      Dimension dimension,
      BigDecimal percent,
      Comparison c,
      CatalogHistory history,
      AnalysisPeriod period,
      List<String> extraNotes,
      boolean pool) {
    Optional<Scenario> cheapest = Optional.empty();
    for (Scenario s : c.scenarios()) {
      if (s.name().equals(Scenario.NETWORK)) {
        continue;
      }
      if (cheapest.isEmpty() || s.total().isLessThan(cheapest.get().total())) {
        cheapest = Optional.of(s);
      }
    }
    long windows = 0;
    for (UserComparison u : c.users()) {
      for (ProductUsage pu : u.usage()) {
        windows += pu.windows();
      }
    }
    List<String> notes = new ArrayList<>(extraNotes);
    if (dimension != Dimension.BASELINE) {
      notes.addAll(c.notes());
    }
    return new SensitivityCase(
        dimension,
        percent,
        c.scenarios(),
        cheapest.map(Scenario::name),
        windows,
        breakEvens(history.versionOn(period.from()).orElse(history.versions().get(0)), pool),
        notes);
  }

  private static List<ProductBreakEven> breakEvens(Catalog catalog, boolean pool) {
    Optional<UnitPrice> price = catalog.packPricing().map(PackPricing::bestUnitPrice);
    List<ProductBreakEven> out = new ArrayList<>();
    if (price.isEmpty()) {
      return out;
    }
    for (Product p : catalog.products()) {
      if (p.namedUser().isEmpty() || p.tokenRate().isEmpty()) {
        continue;
      }
      BreakEven be = new BreakEven(p.namedUser().get().annual(), p.tokenRate().get(), price.get());
      out.add(
          pool
              ? new ProductBreakEven(
                  p.id(), be.namedAnnual(), be.tokensPerWindow(), be.tokenPrice(), be.poolTokensFreed(),
                  be.namedPaysFromPoolTokens(), ProductBreakEven.POOL_TOKENS)
              : new ProductBreakEven(
                  p.id(), be.namedAnnual(), be.tokensPerWindow(), be.tokenPrice(), be.windowsPerYear(),
                  be.namedPaysFrom()));
    }
    return out;
  }
}
