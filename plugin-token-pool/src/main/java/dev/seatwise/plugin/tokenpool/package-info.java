/**
 * A concurrent token pool meter (Altair Units, Siemens value-based licensing): a running session
 * holds its product's token rate and returns it when it closes; the pool must cover the peak of
 * tokens held. Plugged in through {@link java.util.ServiceLoader} without changing the domain.
 */
package dev.seatwise.plugin.tokenpool;
