package dev.seatwise.adapter.json.dto;

/** One user's use of one product: distinct days used, Flex access windows, and their tokens. */
public record UsageDto(String product, long daysUsed, long windows, long tokens) {}
