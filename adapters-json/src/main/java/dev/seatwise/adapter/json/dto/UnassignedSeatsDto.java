package dev.seatwise.adapter.json.dto;

/** An offering holding more {@code seats} (at most, in the period) than users {@code assigned}. */
public record UnassignedSeatsDto(String offering, long seats, long assigned, long unassigned) {}
