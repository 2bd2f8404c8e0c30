package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.FileReport;
import java.time.ZoneId;
import java.util.List;

/** Short ways to run an import in tests. */
final class Imports {
  private Imports() {}

  static FileImport read(String resource) {
    return read(resource, ImportOptions.defaults());
  }

  static FileImport read(String resource, ImportOptions options) {
    return new FileUsageAdapter(List.of(UsageSource.of(Fixtures.path(resource))), Fixtures.resolver(), options)
        .read();
  }

  static FileImport read(String resource, ImportFormat format, ImportOptions options) {
    return new FileUsageAdapter(
            List.of(UsageSource.of(Fixtures.path(resource), format)), Fixtures.resolver(), options)
        .read();
  }

  static FileImport readIn(String resource, String zone) {
    return read(resource, ImportOptions.defaults().withZone(ZoneId.of(zone)));
  }

  static FileReport report(FileImport i) {
    return i.usage().report().files().get(0);
  }

  /** "line [field]: reason" for each rejection, for compact exact assertions. */
  static List<String> rejections(FileImport i) {
    return i.usage().report().rejections().stream()
        .map(r -> r.line() + (r.field().isEmpty() ? "" : " [" + r.field() + "]") + ": " + r.reason())
        .collect(java.util.stream.Collectors.toList());
  }
}
