package dev.seatwise.domain.metering.hourly;

import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.metering.Charge;
import dev.seatwise.domain.metering.Meter;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.metering.Metering;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A non-Autodesk meter written only against the public SPI, in the style of Ansys Elastic Licensing
 * (licensing-rules.md §6): every started hour of a session charges the product's rate (the
 * catalog's token rate, read as units per hour). Sessions are metered one by one; days of use
 * without clock times are ignored; a user covered by a subscription for the product is never
 * charged. It proves that a new kind of metering plugs in without changing existing code. Stateless
 * and thread-safe.
 */
public final class HourlyMeter implements Meter {
  public static final String KIND = "hourly-elastic";
  public static final Duration HOUR = Duration.ofHours(1);

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Metering meter(UsageLog usage, MeterContext context) {
    Catalog catalog = context.catalog();
    List<Charge> charges = new ArrayList<>();
    for (Session s : usage.sessions()) {
      if (context.coverage().covers(s.user(), s.product())) {
        continue;
      }
      long rate = catalog.requireProduct(s.product()).tokenRate().orElse(0L);
      for (Instant t = s.start(); t.isBefore(s.end()); t = t.plus(HOUR)) {
        charges.add(new Charge(s.user(), s.product(), t, t.plus(HOUR), rate));
      }
    }
    return new Metering(charges, List.of());
  }
}
