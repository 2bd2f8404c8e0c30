package dev.seatwise.domain.metering.hourly;

import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.testkit.MeterContract;

/** The hourly meter, written only against the SPI, obeys the laws of every meter. */
class HourlyMeterContractTest implements MeterContract<HourlyMeter> {
  @Override
  public HourlyMeter createMeter() {
    return new HourlyMeter();
  }

  @Override
  public MeterContext context() {
    return HourlyMeterFixtures.elasticContext();
  }
}
