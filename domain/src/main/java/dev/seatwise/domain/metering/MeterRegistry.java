package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The meters available, by {@link Meter#kind()}. A new vendor's metering plugs in by adding its
 * meter here; existing meters are untouched. Immutable and thread-safe.
 */
public record MeterRegistry(List<Meter> meters) {
  public MeterRegistry {
    Map<String, Meter> seen = new LinkedHashMap<>();
    for (Meter m : meters) {
      checkArgument(seen.put(m.kind(), m) == null, "two meters of kind %s", m.kind());
    }
    meters = List.copyOf(meters);
  }

  /** Flex access windows and network seats. */
  public static MeterRegistry standard() {
    return new MeterRegistry(List.of(new WindowedMeter(), new ConcurrentSeatMeter()));
  }

  public MeterRegistry with(Meter meter) {
    List<Meter> all = new java.util.ArrayList<>(meters);
    all.add(meter);
    return new MeterRegistry(all);
  }

  public Optional<Meter> forKind(String kind) {
    for (Meter m : meters) {
      if (m.kind().equals(kind)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
