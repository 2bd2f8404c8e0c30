/**
 * seatwise's pure, vendor-neutral licensing domain: money, token lots, catalogs, usage, metering,
 * plan costing and the cheapest-hybrid optimiser. Depends on the JDK and Guava only, performs no
 * I/O and never reads the clock: time is always an argument.
 */
package dev.seatwise.domain;
