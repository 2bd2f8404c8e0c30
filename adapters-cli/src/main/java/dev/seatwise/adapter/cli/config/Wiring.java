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
import dev.seatwise.application.port.in.AnalyzeSensitivityUseCase;
import dev.seatwise.application.port.in.CompareScenariosUseCase;
import dev.seatwise.application.port.in.EvaluateTradeInUseCase;
import dev.seatwise.application.port.in.ForecastTokensUseCase;
import dev.seatwise.application.port.in.ListCatalogsUseCase;
import dev.seatwise.application.port.in.ReconcileChargesUseCase;
import dev.seatwise.application.port.in.ReviewRenewalsUseCase;
import dev.seatwise.application.port.out.CatalogException;
import dev.seatwise.application.port.out.EntitlementsPort;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.application.service.AnalyzeConcurrencyService;
import dev.seatwise.application.service.AnalyzeSensitivityService;
import dev.seatwise.application.service.CompareScenariosService;
import dev.seatwise.application.service.EvaluateTradeInService;
import dev.seatwise.application.service.ForecastTokensService;
import dev.seatwise.application.service.ListCatalogsService;
import dev.seatwise.application.service.ReconcileChargesService;
import dev.seatwise.application.service.UsageAnalysis;
import dev.seatwise.application.service.ReviewRenewalsService;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.entitlement.Entitlements;
import dev.seatwise.domain.metering.Meter;
import dev.seatwise.domain.metering.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Builds, for each command run, the file adapters (catalog, usage, entitlements, identity map) and
 * the application service that answers it, with every metering plug-in found on the class path
 * ({@code META-INF/services/dev.seatwise.domain.metering.Meter}) beside the standard meters. The
 * files of one {@link Inputs} are read once and shared by every service built for them. One
 * instance serves one command line; not thread-safe.
 */
public final class Wiring implements UseCases {
  // built on first use, so that --help, --version and commands that need no catalog or meter
  // start without the YAML parser or the service loader; a catalog is parsed once per run
  private YamlCatalogAdapter catalogs;
  private MeterRegistry meters;
  private final Map<String, LoadedCatalog> loaded = new HashMap<>();
  private final Map<String, Future<LoadedCatalog>> prefetched = new HashMap<>();
  private final Map<Inputs, Ports> ports = new IdentityHashMap<>();

  /** The adapters of one set of inputs, each reading its files at most once. */
  private record Ports(
      LoadedCatalog catalog, UsagePort usage, EntitlementsPort entitlements, IdentityMap identity) {}

  @Override
  public CompareScenariosUseCase compareScenarios(Inputs inputs) {
    Ports p = ports(inputs);
    // the comparison is the last to read these files' usage in a run: it is handed over, not kept
    // here, so that the sessions can be collected once the comparison has what it needs of them
    UsagePort handedOver = p.usage() instanceof ReadOnce once ? once::take : p.usage();
    return new CompareScenariosService(
            handedOver, p.catalog().history(), p.entitlements(), meterRegistry(), p.identity())
        .parallel(roomForTwoPlans(Runtime.getRuntime().maxMemory(), usageBytes(inputs)));
  }

  /**
   * Whether the heap has room to evaluate two plans at once (the compare's two threads), given the
   * size of the usage files: each plan holds per-window columns beside the sessions and windows,
   * about the files' size in all on the 100,000-user year; under twice the files' size the
   * scenarios are worked out one after the other (same answer, one set of columns at a time).
   */
  static boolean roomForTwoPlans(long maxHeapBytes, long usageBytes) {
    return maxHeapBytes == Long.MAX_VALUE || maxHeapBytes / 2 >= usageBytes;
  }

  private static long usageBytes(Inputs inputs) {
    long bytes = 0;
    for (Path f : inputs.usage()) {
      try {
        if (Files.isRegularFile(f)) {
          bytes += Files.size(f);
        }
      } catch (IOException | RuntimeException e) {
        // unreadable here: the usage adapter reports it
      }
    }
    return bytes;
  }

  @Override
  public AnalyzeConcurrencyUseCase analyzeConcurrency(Inputs inputs) {
    Ports p = ports(inputs);
    if (!inputs.entitlements().isEmpty() || !inputs.lots().isEmpty()) {
      p.entitlements().entitlements(); // read, so that their rejections are reported
    }
    return new AnalyzeConcurrencyService(p.usage(), p.catalog().history(), meterRegistry());
  }

  @Override
  public ForecastTokensUseCase forecastTokens(Inputs inputs) {
    Ports p = ports(inputs);
    return new ForecastTokensService(p.usage(), p.catalog().history(), p.entitlements(), meterRegistry());
  }

  @Override
  public ReviewRenewalsUseCase reviewRenewals(Inputs inputs) {
    Ports p = ports(inputs);
    // the review is the last to read these files' usage in a run, as the comparison is: handed
    // over, so that its compare can let go of the sessions; its compare's two threads only when
    // the heap has room for two plans
    UsagePort handedOver = p.usage() instanceof ReadOnce once ? once::take : p.usage();
    return new ReviewRenewalsService(handedOver, p.catalog().history(), p.entitlements(), meterRegistry())
        .parallel(roomForTwoPlans(Runtime.getRuntime().maxMemory(), usageBytes(inputs)));
  }

  @Override
  public AnalyzeSensitivityUseCase analyzeSensitivity(Inputs inputs) {
    Ports p = ports(inputs);
    // the last to read these files' usage in a run, as the comparison is: handed over, so that its
    // sessions can be let go of once the usage changes and the baseline's analysis have read them;
    // each case's scenarios one after the other unless the heap has room for two plans
    UsagePort handedOver = p.usage() instanceof ReadOnce once ? once::take : p.usage();
    return new AnalyzeSensitivityService(
            handedOver, p.catalog().history(), p.entitlements(), meterRegistry())
        .parallel(roomForTwoPlans(Runtime.getRuntime().maxMemory(), usageBytes(inputs)));
  }

  @Override
  public EvaluateTradeInUseCase evaluateTradeIn(Inputs inputs) {
    Ports p = ports(inputs);
    return new EvaluateTradeInService(p.usage(), p.catalog().history(), p.entitlements(), meterRegistry());
  }

  @Override
  public ReconcileChargesUseCase reconcileCharges(Inputs inputs) {
    Ports p = ports(inputs);
    return new ReconcileChargesService(p.usage(), p.catalog().history(), meterRegistry());
  }

  @Override
  public Optional<LocalDate> dayAfterUsage(Inputs inputs) {
    ImportedUsage usage = ports(inputs).usage().usage();
    return UsageAnalysis.lastDayOfUsage(usage, inputs.zone()).map(d -> d.plusDays(1));
  }

  @Override
  public ListCatalogsUseCase listCatalogs() {
    return new ListCatalogsService(catalogs());
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

  private YamlCatalogAdapter catalogs() {
    if (catalogs == null) {
      catalogs = new YamlCatalogAdapter();
    }
    return catalogs;
  }

  private MeterRegistry meterRegistry() {
    if (meters == null) {
      meters = meters();
    }
    return meters;
  }

  private Ports ports(Inputs inputs) {
    return ports.computeIfAbsent(
        inputs,
        in -> {
          LoadedCatalog catalog = withCollectionRates(load(in.catalog()), in.collectionRates());
          ImportOptions options = options(in);
          return new Ports(
              catalog,
              usage(in, catalog, options),
              entitlements(in, catalog, options),
              options.identity());
        });
  }

  /**
   * Starts parsing the catalog called {@code nameOrFile} on a background thread, so that a run
   * whose command will ask for it (the composition root guesses which from the arguments) parses
   * it while the command line is being built: the catalog's first use then takes the result, or
   * throws what parsing threw, as if it had parsed it then. A catalog asked for under another name
   * is parsed then as before; one never asked for is never used.
   */
  public void prefetchCatalog(String nameOrFile) {
    if (loaded.containsKey(nameOrFile) || prefetched.containsKey(nameOrFile)) {
      return;
    }
    YamlCatalogAdapter adapter = catalogs();
    FutureTask<LoadedCatalog> task = new FutureTask<>(() -> parse(adapter, nameOrFile));
    Thread thread = new Thread(task, "seatwise-catalog");
    thread.setDaemon(true);
    thread.start();
    prefetched.put(nameOrFile, task);
  }

  /** The catalogs being prefetched whose result no command took yet (for the tests). */
  java.util.Set<String> prefetchesNotTaken() {
    return java.util.Set.copyOf(prefetched.keySet());
  }

  /** The catalog called {@code nameOrFile}, parsed on its first use in this run. */
  private LoadedCatalog load(String nameOrFile) {
    LoadedCatalog known = loaded.get(nameOrFile);
    if (known == null) {
      Future<LoadedCatalog> early = prefetched.remove(nameOrFile);
      known = early != null ? await(early, nameOrFile) : parse(catalogs(), nameOrFile);
      loaded.put(nameOrFile, known);
    }
    return known;
  }

  /** The prefetched catalog, or what parsing it threw. */
  private LoadedCatalog await(Future<LoadedCatalog> early, String nameOrFile) {
    try {
      return early.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return parse(catalogs(), nameOrFile);
    }
  }

  private static LoadedCatalog parse(YamlCatalogAdapter catalogs, String nameOrFile) {
    return catalogs
        .load(nameOrFile)
        .orElseThrow(
            () ->
                new CatalogException(
                    "no catalog '"
                        + nameOrFile
                        + "': it is neither a bundled catalog ("
                        + String.join(", ", YamlCatalogAdapter.BUNDLED)
                        + ") nor a file"));
  }

  /**
   * {@code loaded} with the stated Flex rates of collection checkouts ({@code --collection-rate}):
   * each key names a collection (id, name or alias), each value is a number of tokens or a member
   * product whose rate applies in each catalog version.
   *
   * @throws CatalogException when a key is not a collection or a value neither a number nor a member
   */
  static LoadedCatalog withCollectionRates(LoadedCatalog loaded, Map<String, String> rates) {
    if (rates.isEmpty()) {
      return loaded;
    }
    List<Catalog> versions = new ArrayList<>(loaded.history().versions());
    for (Map.Entry<String, String> e : rates.entrySet()) {
      ProductId collection =
          loaded
              .resolver()
              .byName(e.getKey().strip())
              .filter(id -> versions.stream().anyMatch(c -> c.bundle(id).isPresent()))
              .orElseThrow(
                  () ->
                      new CatalogException(
                          "--collection-rate: '" + e.getKey() + "' is not a collection of the "
                              + loaded.source() + " catalog"));
      String value = e.getValue().strip();
      for (int i = 0; i < versions.size(); i++) {
        Catalog c = versions.get(i);
        Optional<Bundle> bundle = c.bundle(collection);
        if (bundle.isEmpty()) {
          continue;
        }
        long tokens;
        if (value.matches("[0-9]{1,9}")) {
          tokens = Long.parseLong(value);
        } else {
          ProductId member =
              loaded
                  .resolver()
                  .byName(value)
                  .filter(bundle.get().includes()::contains)
                  .orElseThrow(
                      () ->
                          new CatalogException(
                              "--collection-rate " + e.getKey() + "=" + value + ": the value is"
                                  + " neither a number of tokens nor a member of " + collection
                                  + " (members: " + bundle.get().includes() + ")"));
          tokens = c.product(member).flatMap(Product::tokenRate).orElse(0L);
        }
        versions.set(i, c.withCollectionRate(collection, tokens));
      }
    }
    return new LoadedCatalog(loaded.source(), new CatalogHistory(versions), loaded.resolver());
  }

  private static ImportOptions options(Inputs inputs) {
    IdentityMap identity = inputs.identities().map(IdentityMap::read).orElse(IdentityMap.EMPTY);
    return ImportOptions.defaults()
        .withZone(inputs.zone())
        .withStrict(inputs.strict())
        .withPrivacy(inputs.privacy())
        .withIdentity(identity);
  }

  /**
   * Usage read file by file (so that the observer can show progress and hear the notes), once; read
   * again only after it was handed over ({@link ReadOnce#take}), and then without telling the
   * observer again (it heard the files and their notes the first time). A file that changed since
   * the first read (its size or modification time) stops the run: the analysis would otherwise
   * mix two versions of the usage.
   */
  private static UsagePort usage(Inputs inputs, LoadedCatalog catalog, ImportOptions options) {
    Optional<ImportFormat> format = inputs.usageFormat().map(ImportFormat::fromLabel);
    ImportObserver first = inputs.observer();
    boolean[] heard = {false};
    Map<Path, String> seen = new HashMap<>();
    return new ReadOnce(
        new Once<ImportedUsage>(
            () -> {
              ImportObserver observer = heard[0] ? ImportObserver.NONE : first;
              ImportedUsage all = null;
              for (Path file : inputs.usage()) {
                String version = version(file);
                String before = seen.putIfAbsent(file, version);
                if (before != null && !before.equals(version)) {
                  String m = file + " changed while seatwise was reading it (" + before + ", now "
                      + version + "): run again once it is complete";
                  throw new java.io.UncheckedIOException(m, new java.io.IOException(m));
                }
                UsageSource source = new UsageSource(file, format);
                observer.reading(source.displayName(), size(file));
                FileImport read =
                    new FileUsageAdapter(List.of(source), catalog.resolver(), options).read();
                for (ImportNote note : read.notes()) {
                  observer.note(note.toString());
                }
                observer.read(source.displayName());
                all = all == null ? read.usage() : all.plus(read.usage());
              }
              ImportedUsage usage = all == null ? ImportedUsage.EMPTY : all;
              observer.usageRead(usage.report());
              heard[0] = true;
              return usage;
            }));
  }

  /** A file's size and modification time, as a re-read compares them ("unreadable" when neither is). */
  private static String version(Path file) {
    try {
      return java.nio.file.Files.size(file) + " bytes, modified "
          + java.nio.file.Files.getLastModifiedTime(file);
    } catch (java.io.IOException e) {
      return "unreadable";
    }
  }

  /**
   * Usage read on first use and kept for the next, or handed over ({@link #take}) to a caller that
   * is the last to need it (a later use reads the files again).
   */
  private record ReadOnce(Once<ImportedUsage> once) implements UsagePort {
    @Override
    public ImportedUsage usage() {
      return once.get();
    }

    ImportedUsage take() {
      return once.take();
    }
  }

  /** Entitlements from the given exports, read once; their row report goes to the observer. */
  private static EntitlementsPort entitlements(
      Inputs inputs, LoadedCatalog catalog, ImportOptions options) {
    if (inputs.entitlements().isEmpty() && inputs.lots().isEmpty()) {
      return () -> Entitlements.NONE;
    }
    List<UsageSource> sources = new ArrayList<>();
    for (Path p : inputs.entitlements()) {
      sources.add(UsageSource.of(p));
    }
    for (Path p : inputs.lots()) {
      sources.add(new UsageSource(p, Optional.of(ImportFormat.TOKEN_LOTS)));
    }
    FileEntitlementsAdapter adapter =
        new FileEntitlementsAdapter(
            sources,
            catalog.resolver(),
            options,
            Optional.of(catalog.history().latest().currency()),
            // a lot without an expiry lasts as long as the catalog's packs (F11)
            catalog.history()::tokenExpiryOn);
    return new Once<Entitlements>(
            () -> {
              FileEntitlements read = adapter.read();
              inputs.observer().otherFiles(read.report());
              return read.entitlements();
            })
        ::get;
  }

  /** A value computed on first use and kept. */
  private static final class Once<T> {
    private final java.util.function.Supplier<T> compute;
    private T value;

    Once(java.util.function.Supplier<T> compute) {
      this.compute = compute;
    }

    T get() {
      if (value == null) {
        value = compute.get();
      }
      return value;
    }

    /** The value (computed if need be), no longer kept here. */
    T take() {
      T v = get();
      value = null;
      return v;
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
