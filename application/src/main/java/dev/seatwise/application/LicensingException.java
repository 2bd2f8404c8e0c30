package dev.seatwise.application;

/** Root of seatwise's application failures (bad input, unknown catalog, ...). Unchecked. */
public class LicensingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LicensingException(String message) {
    super(message);
  }

  public LicensingException(String message, Throwable cause) {
    super(message, cause);
  }
}
