package dev.seatwise.adapter.json.mapping;

import dev.seatwise.adapter.json.dto.BundleDto;
import dev.seatwise.adapter.json.dto.CatalogDetailResponse;
import dev.seatwise.adapter.json.dto.CatalogDto;
import dev.seatwise.adapter.json.dto.CatalogsResponse;
import dev.seatwise.adapter.json.dto.PackDto;
import dev.seatwise.adapter.json.dto.ProductDto;
import dev.seatwise.application.port.in.CatalogSummary;
import dev.seatwise.domain.catalog.Bundle;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.CatalogHistory;
import dev.seatwise.domain.catalog.Prices;
import dev.seatwise.domain.catalog.Product;
import dev.seatwise.domain.tokens.TokenPack;
import java.util.ArrayList;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/** Maps the bundled catalogs' summaries to the JSON contract. */
@Mapper(config = JsonMappingConfig.class)
public interface JsonCatalogMapper {
  JsonCatalogMapper INSTANCE = Mappers.getMapper(JsonCatalogMapper.class);

  CatalogDto toDto(CatalogSummary summary);

  List<CatalogDto> toDtos(List<CatalogSummary> summaries);

  default CatalogsResponse toResponse(List<CatalogSummary> summaries) {
    return new CatalogsResponse(toDtos(summaries));
  }

  /**
   * The latest version of {@code history} in full. Written by hand: the catalog's optional prices
   * are explicit value conversions (STYLE.md section 7), not bean properties.
   */
  default CatalogDetailResponse toDetail(CatalogHistory history) {
    Catalog c = history.latest();
    List<PackDto> packs = new ArrayList<>();
    for (TokenPack p : c.packs()) {
      packs.add(new PackDto(p.size(), p.unitPrice().perUnit(), p.exactPrice()));
    }
    List<ProductDto> products = new ArrayList<>();
    for (Product p : c.products()) {
      products.add(
          new ProductDto(
              p.id().value(),
              p.name(),
              p.namedUser().map(Prices::annual).map(m -> m.amount()).orElse(null),
              p.tokenRate().orElse(null),
              p.networkSeat().map(Prices::annual).map(m -> m.amount()).orElse(null)));
    }
    List<BundleDto> bundles = new ArrayList<>();
    for (Bundle b : c.bundles()) {
      bundles.add(
          new BundleDto(
              b.id().value(),
              b.name(),
              b.includes().stream().map(id -> id.value()).toList(),
              b.namedUser().annual().amount()));
    }
    return new CatalogDetailResponse(
        c.vendor(),
        c.currency().getCurrencyCode(),
        c.effective(),
        history.versions().stream().map(Catalog::effective).toList(),
        c.meter(),
        c.metering().window(),
        c.metering().minimumBillable(),
        c.tokenExpiry(),
        packs,
        products,
        bundles);
  }
}
