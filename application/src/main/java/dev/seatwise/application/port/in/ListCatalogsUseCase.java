package dev.seatwise.application.port.in;

import java.util.List;

/** List the bundled catalogs. */
public interface ListCatalogsUseCase {
  List<CatalogSummary> list();
}
