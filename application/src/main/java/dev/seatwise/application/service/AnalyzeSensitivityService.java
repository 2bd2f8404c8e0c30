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
import dev.seatwise.application.port.out.ImportReport;
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
 * and analysed on its own. The changes of usage are worked out first, while the sessions are read
 * anyway; the baseline's analysis is the sessions' last reader. When the scenarios are worked out
 * one after the other ({@link #parallel}, for a tight heap), each scaled usage is handed over to
 * its comparison, which lets go of it once its network scenario has read it, and the sessions
 * read are let go of (the baseline's peaks worked out first) before any price change is compared.
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
  /** Whether each comparison works out its independent scenarios beside each other. */
  private final boolean parallel;

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
    this.parallel = Forked.PARALLEL;
  }

  private AnalyzeSensitivityService(AnalyzeSensitivityService s, boolean parallel) {
    this.usage = s.usage;
    this.catalogs = s.catalogs;
    this.entitlements = s.entitlements;
    this.meters = s.meters;
    this.parallel = parallel;
  }

  /**
   * The same service evaluating each case's scenarios one after the other ({@code false}), letting
   * go of each usage change's scaled sessions and then of the sessions read once their last reader
   * is done, or the independent scenarios beside each other ({@code true}, the default, when more
   * than one processor is available); the answer is the same (see {@link
   * CompareScenariosService#parallel}). A front end that knows the heap is tight for its data asks
   * for one after the other.
   */
  public AnalyzeSensitivityService parallel(boolean on) {
    return new AnalyzeSensitivityService(this, on && Forked.PARALLEL);
  }

  @Override
  public SensitivityReport analyze(AnalyzeSensitivityQuery query) {
    checkNotNull(query, "query");
    Read read = new Read(usage, parallel);
    Entitlements held = entitlements.entitlements();
    // the period the analysis will have (the baseline's, which no change of usage moves), resolved
    // without metering: the usage changes come first, so that the sessions are read for the last
    // time by the baseline's analysis and let go of before the baseline and the price changes are
    // compared
    AnalysisPeriod period =
        UsageAnalysis.period(
            read.usage(), query.compare().period(), UsageAnalysis.DefaultPeriod.AT_LEAST_A_YEAR);
    CompareScenariosQuery pinned =
        new CompareScenariosQuery(
            PeriodSpec.of(period.from(), period.to(), period.zone()),
            query.compare().pins(),
            query.compare().flexExcluded(),
            query.compare().tokenCap(),
            query.compare().networkSeats())
            .withPoolRefusalRate(query.compare().poolRefusalRate());
    Catalog rates = catalogs.versionOn(period.from()).orElse(catalogs.versions().get(0));
    List<Measured> usageChanges = new ArrayList<>();
    for (BigDecimal p : query.usageChanges()) {
      usageChanges.add(usageChange(read, p, period, rates, held, pinned));
    }
    ImportedUsage imported = read.usage();
    // the usage analysed once (the replay, its counts and window table): a change of prices
    // compares the same usage, so every price change reuses it
    UsageAnalysis analysis =
        UsageAnalysis.of(
            imported, catalogs, query.compare().period(), meters,
            UsageAnalysis.DefaultPeriod.AT_LEAST_A_YEAR);
    // a pool vendor's break-even counts tokens of pool need, not windows
    boolean pool = analysis.isCapacityMetered();
    ImportReport report = imported.report();
    boolean repricedInPlace = analysis.repriced(catalogs).isPresent() && !pool;
    if (!parallel && repricedInPlace) {
      // one after the other: every comparison from here reads the replay's windows and the peaks
      // only (a price change is the analysis repriced), so the sessions are let go of once the
      // peaks are worked out, before any plan is evaluated
      analysis.peaks();
      analysis.releaseSessions();
      read.letGo();
      imported = null;
    }
    Comparison base = compare(report, analysis, catalogs, held, query.compare());
    List<SensitivityCase> cases = new ArrayList<>();
    for (BigDecimal p : query.tokenPriceChanges()) {
      BigDecimal f = factor(p);
      CatalogHistory scaled = PriceScaling.tokenPrices(catalogs, f);
      Comparison c =
          repriced(imported, report, analysis, scaled, PriceScaling.tokenPrices(held, f), pinned);
      cases.add(measured(Dimension.TOKEN_PRICE, p, c, scaled, List.of()).of(period, pool));
    }
    for (BigDecimal p : query.namedPriceChanges()) {
      BigDecimal f = factor(p);
      CatalogHistory scaled = PriceScaling.namedPrices(catalogs, f);
      Comparison c =
          repriced(imported, report, analysis, scaled, PriceScaling.namedPrices(held, f), pinned);
      cases.add(measured(Dimension.NAMED_PRICE, p, c, scaled, List.of()).of(period, pool));
    }
    for (Measured m : usageChanges) {
      cases.add(m.of(period, pool));
    }
    List<String> notes = new ArrayList<>(base.notes());
    return new SensitivityReport(
        period,
        measured(Dimension.BASELINE, BigDecimal.ZERO, base, catalogs, List.of()).of(period, pool),
        cases,
        notes);
  }

  /**
   * One change of usage: the sessions scaled by column ({@link WindowScaling}), the scaled usage
   * handed over to a comparison of its own (read, replayed and compared: one after the other, it
   * lets go of the scaled sessions once its network scenario has read them), and what the case
   * reports of it.
   */
  private Measured usageChange(
      Read read,
      BigDecimal p,
      AnalysisPeriod period,
      Catalog rates,
      Entitlements held,
      CompareScenariosQuery pinned) {
    UsageScaling.Scaled scaled =
        UsageScaling.scale(read.usage(), factor(p), period, rates.metering());
    read.letGo(); // one after the other, the sessions are not held beside the case's plans
    List<String> notes = usageNotes(p, scaled.windows());
    java.util.concurrent.atomic.AtomicReference<ImportedUsage> handedOver =
        new java.util.concurrent.atomic.AtomicReference<>(scaled.usage());
    scaled = null; // from here the scaled sessions are the comparison's only
    UsagePort once =
        () -> {
          ImportedUsage u = handedOver.getAndSet(null);
          if (u == null) {
            throw new IllegalStateException("the scaled usage was handed over already");
          }
          return u;
        };
    Comparison c =
        new CompareScenariosService(once, catalogs, () -> held, meters).parallel(parallel).compare(pinned);
    return measured(Dimension.USAGE, p, c, catalogs, notes);
  }

  /**
   * The usage as this analysis reads it: read once and kept ({@code keep}, when the scenarios are
   * worked out beside each other), or let go of after each reader and read again by the next (one
   * after the other, for a tight heap: no comparison's plans are then evaluated beside the sessions,
   * at the cost of reading them once per change of usage and once more for the baseline). The port
   * gives the same usage on every read. One per analysis; not thread-safe.
   */
  private static final class Read {
    private final UsagePort port;
    private final boolean keep;
    private ImportedUsage usage;

    Read(UsagePort port, boolean keep) {
      this.port = port;
      this.keep = keep;
      this.usage = port.usage();
    }

    ImportedUsage usage() {
      if (usage == null) {
        usage = port.usage();
      }
      return usage;
    }

    /** Lets go of the usage read (unless it is kept): the next reader reads it again. */
    void letGo() {
      if (!keep) {
        usage = null;
      }
    }
  }

  /** The notes of a change of usage: the windows it aimed at and reached, and what found no place. */
  private static List<String> usageNotes(BigDecimal p, WindowScaling.Scaled w) {
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
    return notes;
  }

  /** The comparison of usage already analysed, at the prices of {@code history}. */
  private Comparison compare(
      ImportReport report,
      UsageAnalysis analysis,
      CatalogHistory history,
      Entitlements held,
      CompareScenariosQuery q) {
    return new CompareScenariosService(usage, history, () -> held, meters)
        .parallel(parallel)
        .compare(q, report, analysis, held);
  }

  /**
   * The comparison of the analysed usage at changed prices ({@code history}): the analysis
   * repriced when its meter reads no price (the Flex replay), else the usage ({@code imported},
   * then never null) analysed again.
   */
  private Comparison repriced(
      ImportedUsage imported,
      ImportReport report,
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
    return compare(report, at, history, held, q);
  }

  private static BigDecimal factor(BigDecimal percent) {
    return BigDecimal.ONE.add(percent.divide(HUNDRED));
  }

  /**
   * What a case reports of its comparison, short of the break-evens (which depend on whether the
   * baseline's vendor meters a pool): kept in place of the comparison, whose users it no longer
   * needs, while the other cases are worked out.
   */
  private record Measured(
      Dimension dimension,
      BigDecimal percent,
      List<Scenario> scenarios,
      Optional<String> cheapest,
      long windows,
      CatalogHistory history,
      List<String> notes) {
    SensitivityCase of(AnalysisPeriod period, boolean pool) {
      return new SensitivityCase(
          dimension,
          percent,
          scenarios,
          cheapest,
          windows,
          breakEvens(history.versionOn(period.from()).orElse(history.versions().get(0)), pool),
          notes);
    }
  }

  private static Measured measured(
      Dimension dimension,
      BigDecimal percent,
      Comparison c,
      CatalogHistory history,
      List<String> extraNotes) {
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
    return new Measured(
        dimension, percent, c.scenarios(), cheapest.map(Scenario::name), windows, history, notes);
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
