package dev.seatwise.adapter.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A status output that prints no date ({@code lmstat} cut before its header, LM-X, DSLS, LS-DYNA,
 * OLicense without a {@code date -Iseconds} line) is dated by its file's last-modified time. That
 * time is the file's, not the snapshot's: a copy, a checkout or an archive may have reset it. This
 * checks it, for {@link StatusSnapshots} and {@link LmstatReader} alike.
 *
 * <ul>
 *   <li>Outside the plausible dates ({@link Limits#plausible(Instant)}: an epoch or zero time from
 *       an archive, a time the file system cannot give) it dates nothing: every row of the
 *       snapshot is rejected, field {@value #FIELD}, with {@link #undatable}'s reason.
 *   <li>More than {@link Limits#MAX_FILE_TIME_AFTER_CHECKOUTS} after the newest check-out start the
 *       snapshot lists, or more than {@link Limits#FILE_TIME_SKEW} before it, it is kept with a
 *       warning ({@link #suspect}): the rows are real, only their date is doubtful.
 * </ul>
 */
final class FileTimeDating {
  /** The field a rejection for an undatable snapshot names. */
  static final String FIELD = "last-modified";

  private FileTimeDating() {}

  /** The file's last-modified time; {@link Instant#EPOCH} (implausible) when it cannot be read. */
  static Instant of(Path path) {
    try {
      return Files.getLastModifiedTime(path).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }

  /**
   * Why {@code fileTime} cannot date a snapshot (the reason each of its rows is rejected with),
   * empty when it can.
   */
  static Optional<String> undatable(Instant fileTime) {
    if (Limits.plausible(fileTime)) {
      return Optional.empty();
    }
    return Optional.of("the output prints no date and the file's last-modified time " + fileTime
        + " is outside the plausible dates " + Limits.dateRange() + ": the snapshot cannot be dated"
        + " (put a line 'date -Iseconds' before each snapshot)");
  }

  /**
   * The warning when {@code fileTime}, which dates a snapshot, does not fit the newest check-out
   * start the snapshot lists; empty when it does.
   */
  static Optional<String> suspect(Instant fileTime, Instant newestStart) {
    if (fileTime.isAfter(newestStart.plus(Limits.MAX_FILE_TIME_AFTER_CHECKOUTS))) {
      long days = Duration.between(newestStart, fileTime).toDays();
      return Optional.of("warning: the file's last-modified time " + fileTime + " is " + days
          + " days after the newest check-out start the snapshot lists (" + newestStart + "): the"
          + " file was probably copied or touched after the snapshot was taken, and its check-outs"
          + " are taken as held until " + fileTime);
    }
    if (fileTime.isBefore(newestStart.minus(Limits.FILE_TIME_SKEW))) {
      return Optional.of("warning: the file's last-modified time " + fileTime + " is before the"
          + " newest check-out start the snapshot lists (" + newestStart + "): the snapshot cannot"
          + " have been taken then (the file's time was reset, or the import zone is wrong), and"
          + " those check-outs' sessions end at their start");
    }
    return Optional.empty();
  }
}
