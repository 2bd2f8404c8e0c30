package dev.seatwise.adapter.web;

import dev.seatwise.application.port.in.AnalyzeConcurrencyUseCase;
import dev.seatwise.application.port.in.CompareScenariosUseCase;
import dev.seatwise.application.port.in.ForecastTokensUseCase;
import dev.seatwise.application.port.in.ReconcileChargesUseCase;
import dev.seatwise.application.port.in.ReviewRenewalsUseCase;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.domain.catalog.CatalogHistory;
import java.util.List;

/**
 * The use cases bound to one request's (or one stored dataset's) files. The files are read once
 * and shared by every call, so a comparison and the charts beside it see the same data.
 * Thread-safe: a stored dataset's scope serves many requests at once.
 */
public interface AnalysisScope {
  CompareScenariosUseCase comparing();

  AnalyzeConcurrencyUseCase analysingConcurrency();

  ForecastTokensUseCase forecastingTokens();

  ReviewRenewalsUseCase reviewingRenewals();

  ReconcileChargesUseCase reconcilingCharges();

  /** The imported usage, for the page's time series (concurrency over time, heatmap). */
  ImportedUsage usage();

  /** Notes the import made that reject no row but deserve a look (e.g. FlexLM restarts). */
  List<String> importNotes();

  /**
   * What the entitlement files (Subscriptions and Users exports, token lots) gave: rows read,
   * accepted and rejected, and why; read now if they were not yet. Empty without such files.
   */
  default ImportReport entitlementsReport() {
    return ImportReport.EMPTY;
  }

  /** The catalog the analysis prices with (the uploaded one, else the bundled default). */
  CatalogHistory catalog();

  /**
   * Reads every file now (usage and entitlements) and keeps what it read, so later calls no
   * longer need the files; a failure (an unreadable file) is thrown here and not remembered.
   */
  void preload();
}
