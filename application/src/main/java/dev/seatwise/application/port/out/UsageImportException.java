package dev.seatwise.application.port.out;

import dev.seatwise.application.LicensingException;

/** A usage source could not be read; the message names the file, line and field. */
public class UsageImportException extends LicensingException {
  private static final long serialVersionUID = 1L;

  public UsageImportException(String message) {
    super(message);
  }

  public UsageImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
