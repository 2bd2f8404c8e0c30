package dev.seatwise.application.port.in;

/**
 * Sensitivity of the scenario totals to the token price, the named prices and the usage, and the
 * break-even of each product.
 */
public interface AnalyzeSensitivityUseCase {
  /**
   * @throws dev.seatwise.application.LicensingException when usage or catalog cannot be read, or
   *     the data holds no usage in the period
   */
  SensitivityReport analyze(AnalyzeSensitivityQuery query);
}
