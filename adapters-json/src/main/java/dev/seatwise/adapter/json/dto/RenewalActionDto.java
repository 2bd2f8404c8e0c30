package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One recommended change ({@code kind}: remove-idle-seat, move-to-named, move-to-flex,
 * move-to-bundle, drop-bundle, restrict-flex-product, stop-idle-sessions, use-expiring-lot), for
 * whom, about which offering or lot, the yearly {@code saving}, the date it can be made and why.
 */
public record RenewalActionDto(
    String kind,
    @JsonInclude(JsonInclude.Include.NON_NULL) String user,
    @JsonInclude(JsonInclude.Include.NON_NULL) String offering,
    @JsonInclude(JsonInclude.Include.NON_NULL) String lot,
    BigDecimal saving,
    LocalDate actionableOn,
    String reason) {}
