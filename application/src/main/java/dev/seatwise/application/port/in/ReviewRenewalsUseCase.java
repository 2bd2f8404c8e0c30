package dev.seatwise.application.port.in;

/**
 * Renewal review (true-up / true-down) as of a date: what to change in the plan, each change with
 * its saving and the date it can be made, the biggest saving first.
 */
public interface ReviewRenewalsUseCase {
  /**
   * @throws dev.seatwise.application.LicensingException when usage or catalog cannot be read, or
   *     the history holds no usage
   */
  RenewalReview review(ReviewRenewalsQuery query);
}
