package dev.seatwise.plugin.dailyusage;

import dev.seatwise.domain.metering.Coverage;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.testkit.MeterContract;
import java.time.ZoneOffset;

/** The daily-usage meter obeys the laws every meter must obey, in its own vendor's catalog. */
class DailyUsageMeterContractTest implements MeterContract<DailyUsageMeter> {
  @Override
  public DailyUsageMeter createMeter() {
    return new DailyUsageMeter();
  }

  @Override
  public MeterContext context() {
    return new MeterContext(DailyFixtures.catalog(), Coverage.NONE, ZoneOffset.UTC);
  }
}
