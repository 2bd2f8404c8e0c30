package dev.seatwise.adapter.files;

import static java.util.Objects.requireNonNull;

import dev.seatwise.adapter.files.catalog.ProductResolver;
import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.TokenUsageList;
import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.domain.usage.UsageLog;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Usage from files: reads each {@link UsageSource} in the format given or detected, streaming, and
 * merges everything into one {@link ImportedUsage} with a row report per file. Formats and their
 * rules: docs/import-formats.md.
 *
 * <pre>{@code
 * LoadedCatalog catalog = new YamlCatalogAdapter().load("autodesk").orElseThrow();
 * UsagePort usage = new FileUsageAdapter(
 *     List.of(UsageSource.of(Path.of("adskflex.log")), UsageSource.of(Path.of("usage.csv"))),
 *     catalog.resolver(),
 *     ImportOptions.defaults().withZone(ZoneId.of("Europe/Berlin")).withStrict(false));
 * ImportedUsage imported = usage.usage();
 * }</pre>
 *
 * <p>Each call reads the files again. Immutable and thread-safe.
 */
public final class FileUsageAdapter implements UsagePort {
  /** The (stateless) reader of each usage format. */
  private static final Map<ImportFormat, UsageReader> READERS = readers();

  private static Map<ImportFormat, UsageReader> readers() {
    Map<ImportFormat, UsageReader> r = new EnumMap<>(ImportFormat.class);
    r.put(ImportFormat.SESSIONS_CSV, new FastSessionsUsageReader());
    r.put(ImportFormat.AUTODESK_USAGE_EXPORT, new AutodeskUsageExportReader());
    r.put(ImportFormat.AUTODESK_USAGE_REPORT, new AutodeskUsageReportReader());
    r.put(ImportFormat.AUTODESK_TOKEN_USAGE, new AutodeskTokenUsageReader());
    r.put(ImportFormat.AUTODESK_TOKEN_CONSUMPTION, new AutodeskTokenConsumptionReader());
    r.put(ImportFormat.AUTODESK_INSIGHTS_USAGE, new AutodeskInsightsUsageReader());
    r.put(ImportFormat.FLEXLM_LOG, new FlexlmLogReader());
    r.put(ImportFormat.LMSTAT, new LmstatReader());
    r.put(ImportFormat.RLMSTAT, new RlmstatReader());
    r.put(ImportFormat.LMX_LICSTAT, new LmxStatusReader());
    r.put(ImportFormat.DSLS_USAGE, new DslsUsageReader());
    r.put(ImportFormat.LSTC_QRUN, new LstcQrunReader());
    r.put(ImportFormat.OLIXTOOL, new OlixtoolReader());
    return java.util.Collections.unmodifiableMap(r);
  }

  private final List<UsageSource> sources;
  private final ProductResolver resolver;
  private final ImportOptions options;

  public FileUsageAdapter(List<UsageSource> sources, ProductResolver resolver, ImportOptions options) {
    this.sources = List.copyOf(requireNonNull(sources, "sources"));
    this.resolver = requireNonNull(resolver, "resolver");
    this.options = requireNonNull(options, "options");
  }

  /** The same with the options spelled out; {@code identity} empty means no identity map. */
  public FileUsageAdapter(List<UsageSource> sources, ProductResolver resolver, ZoneId zone,
      Optional<IdentityMap> identity, boolean strict) {
    this(sources, resolver, new ImportOptions(zone, identity.orElse(IdentityMap.EMPTY), strict,
        false));
  }

  /** Reads one file with default options, detecting its format. */
  public static FileImport readFile(Path file, ProductResolver resolver) {
    return new FileUsageAdapter(List.of(UsageSource.of(file)), resolver, ImportOptions.defaults())
        .read();
  }

  /**
   * @throws UsageImportException when a file cannot be read at all, or in strict mode at the
   *     first bad row
   */
  @Override
  public ImportedUsage usage() {
    return read().usage();
  }

  /**
   * Reads all sources, returning the usage and the notes (restarts, check-outs closed at the end
   * of a log) that a front end should show beside the report.
   *
   * @throws UsageImportException as {@link #usage()}
   */
  public FileImport read() {
    UsageCollector out = new UsageCollector();
    List<FileReport> reports = new ArrayList<>();
    ReadContext ctx = new ReadContext(resolver, options);
    for (UsageSource source : sources) {
      String name = source.displayName();
      ImportFormat format = source.format().orElseGet(() -> FormatDetector.detect(source.path(), name));
      UsageReader reader = READERS.get(format);
      if (reader == null) {
        throw new UsageImportException(name + ": " + format.label() + " holds entitlements, not "
            + "usage; read it with FileEntitlementsAdapter");
      }
      RowLedger ledger = new RowLedger(name, options.strict());
      reader.read(source.path(), name, ctx, out, ledger);
      reports.add(ledger.report(format));
    }
    ImportedUsage usage = new ImportedUsage(
        UsageLog.of(out.sessions.build(), out.days),
        out.unmapped,
        out.summaries,
        TokenUsageList.of(out.tokens.build()),
        out.denials,
        out.snapshots,
        new ImportReport(reports),
        out.consumption,
        out.heldUnits);
    return new FileImport(usage, out.notes);
  }

  public List<UsageSource> sources() {
    return sources;
  }
}
