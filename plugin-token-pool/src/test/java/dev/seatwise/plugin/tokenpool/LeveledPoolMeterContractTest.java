package dev.seatwise.plugin.tokenpool;

import dev.seatwise.domain.metering.Coverage;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.testkit.MeterContract;
import java.time.ZoneOffset;

/** The leveled pool meter obeys the laws every meter must obey, in its own vendor's catalog. */
class LeveledPoolMeterContractTest implements MeterContract<LeveledTokenPoolMeter> {
  @Override
  public LeveledTokenPoolMeter createMeter() {
    return new LeveledTokenPoolMeter();
  }

  @Override
  public MeterContext context() {
    return new MeterContext(
        PoolFixtures.catalog(ConcurrentTokenPoolMeter.LEVELED), Coverage.NONE, ZoneOffset.UTC);
  }
}
