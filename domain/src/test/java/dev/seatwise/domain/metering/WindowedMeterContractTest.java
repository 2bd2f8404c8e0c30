package dev.seatwise.domain.metering;

import dev.seatwise.domain.testkit.MeterContract;

/** Flex access-window metering obeys the laws of every meter. */
class WindowedMeterContractTest implements MeterContract<WindowedMeter> {
  @Override
  public WindowedMeter createMeter() {
    return new WindowedMeter();
  }
}
