package dev.seatwise.domain.metering;

import dev.seatwise.domain.testkit.MeterContract;

/** Network-seat metering obeys the laws of every meter. */
class ConcurrentSeatMeterContractTest implements MeterContract<ConcurrentSeatMeter> {
  @Override
  public ConcurrentSeatMeter createMeter() {
    return new ConcurrentSeatMeter();
  }
}
