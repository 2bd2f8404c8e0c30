package dev.seatwise.adapter.json.dto;

/**
 * A user's use of a product that today's plan covers neither by a seat nor from a token lot: its
 * access {@code windows}, the {@code tokens} they cost, and why no seat covered them.
 */
public record UncoveredDto(String user, String product, long windows, long tokens, String reason) {}
