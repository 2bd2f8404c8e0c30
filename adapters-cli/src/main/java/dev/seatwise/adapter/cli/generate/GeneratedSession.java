package dev.seatwise.adapter.cli.generate;

import java.time.Instant;

/**
 * One synthetic session {@code [start, end)}; {@code withRenderer} marks a Maya session that also
 * checked out a render licence (an extra FlexLM feature the catalog does not know).
 */
record GeneratedSession(
    Person person, ProductModel product, Instant start, Instant end, boolean withRenderer) {}
