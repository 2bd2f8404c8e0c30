package dev.seatwise.adapter.web.config;

import dev.seatwise.adapter.files.IdentityMap;
import dev.seatwise.adapter.files.ImportOptions;
import dev.seatwise.adapter.files.UsageSource;
import dev.seatwise.adapter.files.FileEntitlementsAdapter;
import dev.seatwise.adapter.files.FileUsageAdapter;
import dev.seatwise.adapter.files.catalog.LoadedCatalog;
import dev.seatwise.adapter.files.catalog.YamlCatalogAdapter;
import dev.seatwise.adapter.web.AnalysisInputs;
import dev.seatwise.adapter.web.AnalysisScope;
import dev.seatwise.adapter.web.ExampleData;
import dev.seatwise.adapter.web.ReadOptions;
import dev.seatwise.adapter.web.UploadedSource;
import dev.seatwise.adapter.web.WebUseCases;
import dev.seatwise.application.port.in.ReconcileChargesUseCase;
import dev.seatwise.application.port.in.AnalyzeConcurrencyUseCase;
import dev.seatwise.application.port.in.CompareScenariosUseCase;
import dev.seatwise.application.port.in.ForecastTokensUseCase;
import dev.seatwise.application.port.in.ReviewRenewalsUseCase;
import dev.seatwise.application.port.in.ListCatalogsUseCase;
import dev.seatwise.application.port.out.CatalogException;
import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.service.AnalyzeConcurrencyService;
import dev.seatwise.application.service.CompareScenariosService;
import dev.seatwise.application.service.ForecastTokensService;
import dev.seatwise.application.service.ReviewRenewalsService;
import dev.seatwise.application.service.ReconcileChargesService;
import dev.seatwise.application.service.ListCatalogsService;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.metering.Meter;
import dev.seatwise.domain.metering.MeterRegistry;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The composition root of the web front end: the only place that constructs services and file
 * adapters. Each request (or stored dataset) gets its own adapters over its own files, each file
 * read at most once; the bundled catalog is parsed once. Thread-safe.
 */
public final class WebComposition implements WebUseCases {
  static final String DEFAULT_CATALOG = "autodesk";

  private final YamlCatalogAdapter catalogs = new YamlCatalogAdapter();
  private final LoadedCatalog bundled;
  private final List<ExampleData> examples;
  private final MeterRegistry meters = meters();

  public WebComposition(List<ExampleData> examples) {
    this.bundled =
        catalogs
            .load(DEFAULT_CATALOG)
            .orElseThrow(() -> new CatalogException("bundled catalog missing: " + DEFAULT_CATALOG));
    this.examples = List.copyOf(examples);
  }

  @Override
  public AnalysisScope over(AnalysisInputs inputs, ReadOptions read) {
    LoadedCatalog catalog =
        inputs.catalog().map(c -> catalogs.loadFile(c.path())).orElse(bundled);
    ImportOptions options =
        ImportOptions.defaults()
            .withZone(read.zone())
            .withStrict(read.strict())
            .withIdentity(
                inputs.identities().map(i -> IdentityMap.read(i.path())).orElse(IdentityMap.EMPTY));
    OnceUsagePort usage =
        new OnceUsagePort(
            new FileUsageAdapter(sources(inputs.usage()), catalog.resolver(), options));
    OnceEntitlementsPort held =
        inputs.entitlements().isEmpty()
            ? null
            : new OnceEntitlementsPort(
                new FileEntitlementsAdapter(
                    sources(inputs.entitlements()),
                    catalog.resolver(),
                    options,
                    java.util.Optional.of(catalog.history().latest().currency()),
                    catalog.history()::tokenExpiryOn));
    EntitlementsPort entitlements = held == null ? () -> Entitlements.NONE : held;
    CatalogHistory history = catalog.history();
    return new AnalysisScope() {
      @Override
      public CompareScenariosUseCase comparing() {
        return new CompareScenariosService(usage, history, entitlements, meters, options.identity());
      }

      @Override
      public AnalyzeConcurrencyUseCase analysingConcurrency() {
        return new AnalyzeConcurrencyService(usage, history, meters);
      }

      @Override
      public ForecastTokensUseCase forecastingTokens() {
        return new ForecastTokensService(usage, history, entitlements, meters);
      }

      @Override
      public ReviewRenewalsUseCase reviewingRenewals() {
        return new ReviewRenewalsService(usage, history, entitlements, meters);
      }

      @Override
      public ReconcileChargesUseCase reconcilingCharges() {
        return new ReconcileChargesService(usage, history, meters);
      }

      @Override
      public ImportedUsage usage() {
        return usage.usage();
      }

      @Override
      public List<String> importNotes() {
        return usage.notes();
      }

      @Override
      public ImportReport entitlementsReport() {
        return held == null ? ImportReport.EMPTY : held.report();
      }

      @Override
      public CatalogHistory catalog() {
        return history;
      }

      @Override
      public void preload() {
        usage.usage();
        entitlements.entitlements();
      }
    };
  }

  @Override
  public ListCatalogsUseCase catalogs() {
    return new ListCatalogsService(catalogs);
  }

  @Override
  public List<ExampleData> examples() {
    return examples;
  }

  /** The standard meters plus every service-loaded one of another kind (as the CLI does). */
  static MeterRegistry meters() {
    MeterRegistry registry = MeterRegistry.standard();
    for (Meter m : ServiceLoader.load(Meter.class, WebComposition.class.getClassLoader())) {
      if (registry.forKind(m.kind()).isEmpty()) {
        registry = registry.with(m);
      }
    }
    return registry;
  }

  private static List<UsageSource> sources(List<UploadedSource> files) {
    return files.stream().map(f -> UsageSource.of(f.path())).toList();
  }
}
