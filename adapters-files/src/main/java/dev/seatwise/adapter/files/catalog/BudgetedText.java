package dev.seatwise.adapter.files.catalog;

import dev.seatwise.application.port.out.CatalogException;
import dev.seatwise.domain.catalog.ProductId;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;

/**
 * The text a catalog regular expression runs on, counting the characters the matcher reads: past
 * {@link #MAX_STEPS} reads the match is abandoned (java.util.regex backtracks, and a pattern such
 * as {@code (.*a){12}$} takes minutes on a 35-character feature name), and every {@value
 * #CHECK_EVERY} reads it checks whether its thread was interrupted, so that a cancelled analysis
 * stops. Not thread-safe: one per match.
 */
final class BudgetedText implements CharSequence {
  /** Character reads one feature match may take: about 10 ms of matching. */
  static final long MAX_STEPS = 2_000_000;

  /** Feature names longer than this are not matched at all (FlexLM's are at most 30). */
  static final int MAX_FEATURE_CHARS = 1_000;

  private static final int CHECK_EVERY = 4096;

  private final String text;
  private final long[] steps;

  private BudgetedText(String text, long[] steps) {
    this.text = text;
    this.steps = steps;
  }

  /**
   * Whether {@code pattern} finds a match in {@code feature}, within the budget.
   *
   * @throws CatalogException when the pattern needs more than {@link #MAX_STEPS} reads
   * @throws CancellationException when the thread is interrupted
   */
  static boolean find(Pattern pattern, String feature, ProductId product) {
    if (feature.length() > MAX_FEATURE_CHARS) {
      return false;
    }
    try {
      return pattern.matcher(new BudgetedText(feature, new long[1])).find();
    } catch (OverBudget e) {
      throw new CatalogException("the flexlmFeatures pattern '" + pattern.pattern() + "' of "
          + product + " needs more than " + MAX_STEPS + " steps to match the feature '" + feature
          + "' (it backtracks catastrophically); simplify it, e.g. avoid nested repetition such"
          + " as (.*a){12}");
    }
  }

  @Override
  public char charAt(int index) {
    long n = ++steps[0];
    if (n % CHECK_EVERY == 0) {
      if (n > MAX_STEPS) {
        throw new OverBudget();
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("cancelled while matching a feature pattern");
      }
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new BudgetedText(text.substring(start, end), steps);
  }

  @Override
  public String toString() {
    return text;
  }

  /** The budget is spent. */
  private static final class OverBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OverBudget() {
      super(null, null, false, false);
    }
  }
}
