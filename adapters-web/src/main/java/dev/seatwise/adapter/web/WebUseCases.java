package dev.seatwise.adapter.web;

import dev.seatwise.application.port.in.ListCatalogsUseCase;
import java.util.List;

/**
 * What the web adapter drives. Implemented by the composition root ({@code ..web.config}), the
 * only place that knows the services and the file adapters; handlers see inbound ports only.
 */
public interface WebUseCases {
  /** The use cases over the files of one request, read as {@code options}; reads them once. */
  AnalysisScope over(AnalysisInputs inputs, ReadOptions options);

  /** Lists the bundled catalogs. */
  ListCatalogsUseCase catalogs();

  /** The bundled example data sets (possibly none). */
  List<ExampleData> examples();
}
