package dev.seatwise.application.port.in;

/**
 * Forecast Flex token burn: monthly burn from history, the projected balance of the lots held, the
 * run-out date, tokens that will expire unused, P50/P90 of future burn and a purchase plan.
 */
public interface ForecastTokensUseCase {
  /**
   * @throws dev.seatwise.application.LicensingException when usage or catalog cannot be read, or
   *     the history holds no usage
   */
  TokenForecast forecast(ForecastTokensQuery query);
}
