package dev.seatwise.domain.metering;

import dev.seatwise.domain.usage.UsageLog;

/**
 * The metering SPI: turns usage into charges and capacity demands under one vendor's rules. A
 * catalog names its meter by {@link #kind()}. Implementations must be stateless and thread-safe;
 * the contract tests in the domain test-jar ({@code MeterContract}) state the laws they obey.
 */
public interface Meter {
  /** The name catalogs use to select this meter, e.g. {@code flex-window}. */
  String kind();

  /** Meters {@code usage}; never returns null. */
  Metering meter(UsageLog usage, MeterContext context);

  /**
   * Whether {@link #meter} can give capacity demands ({@link Metering#demands()}). A meter that only
   * charges (access windows) says false, and its metering then never holds a demand (a law of
   * {@code MeterContract}); a concurrency report need not run it. Default true.
   */
  default boolean demandsCapacity() {
    return true;
  }
}
