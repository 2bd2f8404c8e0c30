package dev.seatwise.adapter.cli.config;

import dev.seatwise.adapter.cli.ImportObserver;
import dev.seatwise.adapter.cli.Inputs;
import dev.seatwise.adapter.cli.UseCases;
import dev.seatwise.adapter.files.FileEntitlements;
import dev.seatwise.adapter.files.FileEntitlementsAdapter;
import dev.seatwise.adapter.files.FileImport;
import dev.seatwise.adapter.files.FileUsageAdapter;
import dev.seatwise.adapter.files.IdentityMap;
import dev.seatwise.adapter.files.ImportFormat;
import dev.seatwise.adapter.files.ImportNote;
import dev.seatwise.adapter.files.ImportOptions;
import dev.seatwise.adapter.files.UsageSource;
import dev.seatwise.adapter.files.catalog.LoadedCatalog;
import dev.seatwise.adapter.files.catalog.YamlCatalogAdapter;
import dev.seatwise.application.port.in.AnalyzeConcurrencyUseCase;
import dev.seatwise.application.port.in.CompareScenariosUseCase;
import dev.seatwise.application.port.in.ListCatalogsUseCase;
import dev.seatwise.application.port.out.CatalogException;
import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.application.service.AnalyzeConcurrencyService;
import dev.seatwise.application.service.CompareScenariosService;
import dev.seatwise.application.service.ListCatalogsService;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.metering.Meter;
import dev.seatwise.domain.metering.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Builds, for each command run, the file adapters (catalog, usage, entitlements, identity map)
 * and the application service that answers it, with every metering plug-in found on the class
 * path ({@code META-INF/services/dev.seatwise.domain.metering.Meter}) beside the standard meters.
 */
public final class Wiring implements UseCases {
  private final YamlCatalogAdapter catalogs = new YamlCatalogAdapter();
  private final MeterRegistry meters = meters();

  @Override
  public CompareScenariosUseCase compareScenarios(Inputs inputs) {
    LoadedCatalog catalog = load(inputs.catalog());
    ImportOptions options = options(inputs);
    return new CompareScenariosService(
        usage(inputs, catalog, options), catalog.history(), entitlements(inputs, catalog, options),
        meters);
  }

  @Override
  public AnalyzeConcurrencyUseCase analyzeConcurrency(Inputs inputs) {
    LoadedCatalog catalog = load(inputs.catalog());
    ImportOptions options = options(inputs);
    UsagePort usage = usage(inputs, catalog, options);
    if (!inputs.entitlements().isEmpty()) {
      entitlements(inputs, catalog, options).entitlements();
    }
    return new AnalyzeConcurrencyService(usage, catalog.history(), meters);
  }

  @Override
  public ListCatalogsUseCase listCatalogs() {
    return new ListCatalogsService(catalogs);
  }

  @Override
  public CatalogHistory catalog(String nameOrFile) {
    return load(nameOrFile).history();
  }

  @Override
  public List<String> usageFormats() {
    List<String> labels = new ArrayList<>();
    for (ImportFormat f : ImportFormat.values()) {
      if (f.kind() == ImportFormat.Kind.USAGE) {
        labels.add(f.label());
      }
    }
    return labels;
  }

  /** The standard meters and every service-provided one of another kind. */
  static MeterRegistry meters() {
    MeterRegistry registry = MeterRegistry.standard();
    for (Meter m : ServiceLoader.load(Meter.class, Wiring.class.getClassLoader())) {
      if (registry.forKind(m.kind()).isEmpty()) {
        registry = registry.with(m);
      }
    }
    return registry;
  }

  private LoadedCatalog load(String nameOrFile) {
    return catalogs
        .load(nameOrFile)
        .orElseThrow(
            () ->
                new CatalogException(
                    "no catalog '" + nameOrFile + "': it is neither a bundled catalog ("
                        + String.join(", ", YamlCatalogAdapter.BUNDLED) + ") nor a file"));
  }

  private static ImportOptions options(Inputs inputs) {
    IdentityMap identity = inputs.identities().map(IdentityMap::read).orElse(IdentityMap.EMPTY);
    return ImportOptions.defaults()
        .withZone(inputs.zone())
        .withStrict(inputs.strict())
        .withPrivacy(inputs.privacy())
        .withIdentity(identity);
  }

  private static Optional<ImportFormat> format(Inputs inputs) {
    return inputs.usageFormat().map(l -> ImportFormat.fromLabel(l.toLowerCase(Locale.ROOT)));
  }

  /** Usage read file by file, so that the observer can show progress and hear the notes. */
  private static UsagePort usage(Inputs inputs, LoadedCatalog catalog, ImportOptions options) {
    Optional<ImportFormat> format = format(inputs);
    ImportObserver observer = inputs.observer();
    return () -> {
      ImportedUsage all = null;
      for (Path file : inputs.usage()) {
        UsageSource source = new UsageSource(file, format);
        observer.reading(source.displayName(), size(file));
        FileImport read = new FileUsageAdapter(List.of(source), catalog.resolver(), options).read();
        for (ImportNote note : read.notes()) {
          observer.note(note.toString());
        }
        observer.read(source.displayName());
        all = all == null ? read.usage() : all.plus(read.usage());
      }
      return all == null ? ImportedUsage.EMPTY : all;
    };
  }

  /** Entitlements from the given exports; their row report goes to the observer. */
  private static EntitlementsPort entitlements(Inputs inputs, LoadedCatalog catalog, ImportOptions options) {
    if (inputs.entitlements().isEmpty()) {
      return () -> Entitlements.NONE;
    }
    List<UsageSource> sources = new ArrayList<>();
    for (Path p : inputs.entitlements()) {
      sources.add(UsageSource.of(p));
    }
    FileEntitlementsAdapter adapter = new FileEntitlementsAdapter(sources, catalog.resolver(), options);
    return () -> {
      FileEntitlements read = adapter.read();
      inputs.observer().otherFiles(read.report());
      return read.entitlements();
    };
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
