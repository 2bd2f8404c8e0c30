package dev.seatwise.adapter.cli;

import dev.seatwise.application.port.in.AnalyzeConcurrencyUseCase;
import dev.seatwise.application.port.in.CompareScenariosUseCase;
import dev.seatwise.application.port.in.ListCatalogsUseCase;
import dev.seatwise.domain.catalog.CatalogHistory;
import java.util.List;

/**
 * What the commands need from the composition root: the use cases, wired to the inputs a command
 * was given. Commands never build services or adapters themselves.
 */
public interface UseCases {
  CompareScenariosUseCase compareScenarios(Inputs inputs);

  AnalyzeConcurrencyUseCase analyzeConcurrency(Inputs inputs);

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
