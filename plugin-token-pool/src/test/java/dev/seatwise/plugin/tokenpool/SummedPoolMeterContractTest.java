package dev.seatwise.plugin.tokenpool;

import dev.seatwise.domain.testkit.MeterContract;

/** The summed pool meter obeys the laws every meter must obey (the domain test-jar's contract). */
class SummedPoolMeterContractTest implements MeterContract<ConcurrentTokenPoolMeter> {
  @Override
  public ConcurrentTokenPoolMeter createMeter() {
    return new ConcurrentTokenPoolMeter();
  }
}
