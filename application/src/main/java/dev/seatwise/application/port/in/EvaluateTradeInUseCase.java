package dev.seatwise.application.port.in;

/**
 * The 2-for-1 trade-in what-if: N legacy network seats of a product traded for 2N named seats,
 * against keeping them on maintenance or retiring them (their users move to Flex).
 */
public interface EvaluateTradeInUseCase {
  /**
   * @throws dev.seatwise.application.LicensingException when usage or catalog cannot be read, the
   *     product is not in the catalog, the prices are not in the catalog's currency, or the period
   *     holds no usage
   */
  TradeInEvaluation evaluate(EvaluateTradeInQuery query);
}
