/**
 * Response records of the JSON contract. Money is a {@link java.math.BigDecimal} written as a JSON
 * number with two decimals; dates are ISO-8601 strings; optional fields are omitted when absent.
 * Immutable; lists are never null.
 */
package dev.seatwise.adapter.json.dto;
