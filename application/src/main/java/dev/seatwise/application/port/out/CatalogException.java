package dev.seatwise.application.port.out;

import dev.seatwise.application.LicensingException;

/** A catalog is missing or malformed; the message names the key and line. */
public class CatalogException extends LicensingException {
  private static final long serialVersionUID = 1L;

  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
