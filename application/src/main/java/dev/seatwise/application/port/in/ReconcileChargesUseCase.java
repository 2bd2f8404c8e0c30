package dev.seatwise.application.port.in;

/**
 * Set what Flex charged (the Autodesk Token Usage export) beside the replay of the same people's
 * usage (sessions, logs or the usage export), per user x product x day, with the reason for each
 * difference.
 */
public interface ReconcileChargesUseCase {
  /**
   * @throws dev.seatwise.application.LicensingException when the usage holds no Token Usage export,
   *     or no usage to replay beside it
   */
  ChargeReconciliation reconcile(ReconcileChargesQuery query);
}
