package dev.seatwise.application.port.in;

/** Compare what each licensing model would have cost over a period, and find the cheapest hybrid. */
public interface CompareScenariosUseCase {
  /**
   * @throws dev.seatwise.application.LicensingException when usage or catalog cannot be read, or
   *     the data holds no usage in the period
   */
  Comparison compare(CompareScenariosQuery query);
}
