package dev.seatwise.adapter.cli;

import dev.seatwise.application.port.in.AnalyzeConcurrencyUseCase;
import dev.seatwise.application.port.in.AnalyzeSensitivityUseCase;
import dev.seatwise.application.port.in.CompareScenariosUseCase;
import dev.seatwise.application.port.in.EvaluateTradeInUseCase;
import dev.seatwise.application.port.in.ReconcileChargesUseCase;
import dev.seatwise.application.port.in.ForecastTokensUseCase;
import dev.seatwise.application.port.in.ListCatalogsUseCase;
import dev.seatwise.application.port.in.ReviewRenewalsUseCase;
import dev.seatwise.domain.catalog.CatalogHistory;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the commands need from the composition root: the use cases, wired to the inputs a command
 * was given. Commands never build services or adapters themselves. For one {@link Inputs}, the
 * files are read at most once, however many calls use them.
 */
public interface UseCases {
  CompareScenariosUseCase compareScenarios(Inputs inputs);

  AnalyzeConcurrencyUseCase analyzeConcurrency(Inputs inputs);

  ForecastTokensUseCase forecastTokens(Inputs inputs);

  ReviewRenewalsUseCase reviewRenewals(Inputs inputs);

  AnalyzeSensitivityUseCase analyzeSensitivity(Inputs inputs);

  EvaluateTradeInUseCase evaluateTradeIn(Inputs inputs);

  ReconcileChargesUseCase reconcileCharges(Inputs inputs);

  /**
   * The day after the last day with usage, in the inputs' zone (the default "as of" date of a
   * forecast or review); empty when the files hold no usage. Reads the usage, once.
   */
  Optional<LocalDate> dayAfterUsage(Inputs inputs);

  ListCatalogsUseCase listCatalogs();

  /**
   * The catalog called {@code nameOrFile} (a bundled name or a YAML file).
   *
   * @throws dev.seatwise.application.port.out.CatalogException when there is no such catalog or it
   *     is malformed
   */
  CatalogHistory catalog(String nameOrFile);

  /** The labels {@code --usage-format} accepts. */
  List<String> usageFormats();
}
