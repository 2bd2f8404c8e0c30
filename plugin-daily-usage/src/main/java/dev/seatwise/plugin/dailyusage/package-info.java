/**
 * Daily usage metered in 10-minute intervals (Bentley E365 shape): a user × product × UTC day is
 * charged its product's daily rate when at least one counted 10-minute interval of use falls in it;
 * the first interval of each run of use is not counted. Plugged in through {@link
 * java.util.ServiceLoader} without changing the domain. The published rules and what is estimated:
 * the bundled catalog {@code bentley-e365} and docs/adding-a-vendor.md.
 */
package dev.seatwise.plugin.dailyusage;
