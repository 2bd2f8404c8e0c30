package dev.seatwise.adapter.files;

import static java.util.Objects.requireNonNull;

import dev.seatwise.application.port.out.ImportedUsage;
import java.util.List;

/**
 * What {@link FileUsageAdapter#read()} returns: the imported usage (with its row report) and the
 * notes that rejected no row but deserve a look. Immutable; nothing is null.
 */
public record FileImport(ImportedUsage usage, List<ImportNote> notes) {
  public FileImport {
    requireNonNull(usage, "usage");
    notes = List.copyOf(notes);
  }
}
