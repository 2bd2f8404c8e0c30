package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.UsagePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UsagePort contract for {@link FileUsageAdapter} reading one file format: a subclass says how
 * the contract's rows look in that format (a header and one line per row).
 */
abstract class FileUsagePortContractTest extends AbstractUsagePortContractTest {
  @TempDir Path dir;

  /** The format's header line. */
  protected abstract String header();

  /** {@code r} as one line of the format. */
  protected abstract String line(UsageRow r);

  private Path write(List<UsageRow> rows) {
    List<String> lines = new ArrayList<>();
    lines.add(header());
    for (UsageRow r : rows) {
      lines.add(line(r));
    }
    try {
      return Files.write(Files.createTempFile(dir, "usage", ".csv"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected UsagePort portHolding(List<UsageRow> rows) {
    return new FileUsageAdapter(List.of(UsageSource.of(write(rows))), Fixtures.resolver(), ImportOptions.defaults());
  }

  @Override
  protected UsagePort strictPortHolding(List<UsageRow> rows) {
    return new FileUsageAdapter(List.of(UsageSource.of(write(rows))), Fixtures.resolver(),
        ImportOptions.defaults().withStrict(true));
  }
}
