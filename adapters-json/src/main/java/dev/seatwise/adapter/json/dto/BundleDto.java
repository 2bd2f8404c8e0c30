package dev.seatwise.adapter.json.dto;

import java.math.BigDecimal;
import java.util.List;

/** A collection sold as one named-user subscription: what it includes and its annual price. */
public record BundleDto(String id, String name, List<String> includes, BigDecimal namedAnnual) {
  public BundleDto {
    includes = List.copyOf(includes);
  }
}
