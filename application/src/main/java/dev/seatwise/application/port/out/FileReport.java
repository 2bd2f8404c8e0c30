package dev.seatwise.application.port.out;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * What one import read: rows read = accepted + rejected, always; each rejection with its reason.
 * Immutable.
 */
public record FileReport(String file, String format, long rowsRead, long accepted, List<Rejection> rejections) {
  public FileReport {
    rejections = List.copyOf(rejections);
    checkArgument(
        rowsRead == accepted + rejections.size(),
        "%s: rows read %s != accepted %s + rejected %s",
        file, rowsRead, accepted, rejections.size());
  }

  public long rejected() {
    return rejections.size();
  }
}
