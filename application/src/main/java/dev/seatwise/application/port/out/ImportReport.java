package dev.seatwise.application.port.out;

import java.util.ArrayList;
import java.util.List;

/** Import totals over all files. Immutable. */
public record ImportReport(List<FileReport> files) {
  public static final ImportReport EMPTY = new ImportReport(List.of());

  public ImportReport {
    files = List.copyOf(files);
  }

  public long rowsRead() {
    return files.stream().mapToLong(FileReport::rowsRead).sum();
  }

  public long accepted() {
    return files.stream().mapToLong(FileReport::accepted).sum();
  }

  public long rejected() {
    return files.stream().mapToLong(FileReport::rejected).sum();
  }

  public List<Rejection> rejections() {
    List<Rejection> all = new ArrayList<>();
    files.forEach(f -> all.addAll(f.rejections()));
    return all;
  }

  public ImportReport plus(ImportReport other) {
    List<FileReport> all = new ArrayList<>(files);
    all.addAll(other.files);
    return new ImportReport(all);
  }
}
