package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A product of a catalog: annual named-user price, Flex tokens per access window and annual
 * network-seat price, each omitted when the catalog does not sell it that way.
 */
public record ProductDto(
    String id,
    String name,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal namedAnnual,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long tokensPerWindow,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal networkAnnual) {}
