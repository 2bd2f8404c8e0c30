package dev.seatwise.adapter.json.dto;

/** Tokens one Enterprise Token Flex pool consumed over the history, over how many product lines. */
public record PoolBurnDto(String pool, long tokens, long productLines) {}
