package dev.seatwise.application.service;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.port.in.CatalogSummary;
import dev.seatwise.application.port.in.ListCatalogsUseCase;
import dev.seatwise.application.port.out.CatalogPort;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lists bundled catalogs with vendor, versions (effective dates) and size. */
public final class ListCatalogsService implements ListCatalogsUseCase {
  private final CatalogPort catalogs;

  public ListCatalogsService(CatalogPort catalogs) {
    this.catalogs = requireNonNull(catalogs, "catalogs");
  }

  @Override
  public List<CatalogSummary> list() {
    List<CatalogSummary> out = new ArrayList<>();
    List<CatalogHistory> all = catalogs.bundled();
    List<String> names = catalogs.bundledNames();
    for (int i = 0; i < all.size(); i++) {
      CatalogHistory h = all.get(i);
      Catalog latest = h.latest();
      out.add(
          new CatalogSummary(
              i < names.size() ? names.get(i) : latest.vendor().toLowerCase(Locale.ROOT),
              latest.vendor(),
              latest.currency().getCurrencyCode(),
              h.versions().stream().map(Catalog::effective).toList(),
              latest.meter(),
              latest.products().size(),
              latest.bundles().size()));
    }
    return out;
  }
}
