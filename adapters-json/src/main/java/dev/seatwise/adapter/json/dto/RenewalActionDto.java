package dev.seatwise.adapter.json.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One step of the review's path ({@code kind}: remove-idle-seat, move-to-named, move-to-flex,
 * move-to-bundle, drop-bundle, restrict-flex-product, stop-idle-sessions, assign-unassigned-seats,
 * reclaim-unassigned-seats, schedule-token-purchases; use-expiring-lot is no longer made), for whom,
 * about which offering or lot, its net {@code saving} over the review period, the date it can be
 * made, why, and {@code runningTotal}: the period's total after it (the review's {@code current}
 * minus the savings so far); {@code users}, every user it concerns (omitted when none).
 */
public record RenewalActionDto(
    String kind,
    @JsonInclude(JsonInclude.Include.NON_NULL) String user,
    @JsonInclude(JsonInclude.Include.NON_NULL) String offering,
    @JsonInclude(JsonInclude.Include.NON_NULL) String lot,
    BigDecimal saving,
    LocalDate actionableOn,
    String reason,
    BigDecimal runningTotal,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> users) {}
