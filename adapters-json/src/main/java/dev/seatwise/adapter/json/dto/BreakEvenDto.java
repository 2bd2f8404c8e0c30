package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A product's break-even: the access windows a year at which Flex at {@code tokenPrice} costs a
 * named seat ({@code windowsPerYear}, a statistic), and the fewest windows from which named is no
 * dearer; both omitted for a product whose rate is zero. {@code unit} says what they count:
 * "windows a year", or for a pool vendor "pool tokens freed" (the tokens of the pool's need a
 * named seat must free to pay for itself).
 */
public record BreakEvenDto(
    String product,
    BigDecimal namedAnnual,
    long tokensPerWindow,
    BigDecimal tokenPrice,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double windowsPerYear,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long namedPaysFrom,
    String unit) {}
