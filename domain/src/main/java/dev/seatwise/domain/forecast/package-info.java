/**
 * Forecasts of token burn from a history of daily burn: a seeded block bootstrap of whole weeks that
 * keeps the weekly and seasonal shape, with P50/P90 by simulation.
 */
package dev.seatwise.domain.forecast;
