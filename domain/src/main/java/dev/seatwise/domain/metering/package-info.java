/**
 * Metering as a small SPI: a {@link dev.seatwise.domain.metering.Meter} turns usage into charges
 * (consumptive metering such as Autodesk Flex access windows) and capacity demands (concurrent
 * seats or tokens held while running). New kinds plug in by implementing the interface.
 */
package dev.seatwise.domain.metering;
