package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Tokens an Enterprise Token Flex pool consumed for one product line over the history: the
 * export's {@code productLine} code and {@code productName}, the catalog {@code product} (omitted
 * when the catalog does not know the line), {@code tokens} and {@code days} with consumption.
 */
public record ProductLineBurnDto(
    String productLine,
    String productName,
    @JsonInclude(JsonInclude.Include.NON_NULL) String product,
    long tokens,
    long days) {}
