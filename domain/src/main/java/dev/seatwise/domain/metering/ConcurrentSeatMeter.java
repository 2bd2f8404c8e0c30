package dev.seatwise.domain.metering;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UsageLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Legacy network (floating) seats: per product, the concurrency of sessions; a pool of seats must
 * cover the peak. Daily usage has no clock times and is ignored. Stateless and thread-safe.
 */
public final class ConcurrentSeatMeter implements Meter {
  public static final String KIND = "network-seat";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Metering meter(UsageLog usage, MeterContext context) {
    Map<ProductId, List<Session>> byProduct = new TreeMap<>();
    for (Session s : usage.sessions()) {
      byProduct.computeIfAbsent(s.product(), p -> new ArrayList<>()).add(s);
    }
    List<CapacityDemand> demands = new ArrayList<>();
    byProduct.forEach(
        (product, sessions) -> {
          long[] st = new long[sessions.size()];
          long[] en = new long[sessions.size()];
          Instant earliest = sessions.get(0).start();
          for (int i = 0; i < st.length; i++) {
            st[i] = Instants.toNanos(sessions.get(i).start());
            en[i] = Instants.toNanos(sessions.get(i).end());
            if (sessions.get(i).start().isBefore(earliest)) {
              earliest = sessions.get(i).start();
            }
          }
          ConcurrencyProfile profile = ConcurrencyProfile.ofNanos(st, en);
          // with no overlap at all (only empty sessions), the demand is dated at the first start,
          // whatever the input order
          demands.add(
              new CapacityDemand(
                  product.value(), profile.peak(), profile.peakAt().orElse(earliest), profile));
        });
    return new Metering(List.of(), demands);
  }
}
