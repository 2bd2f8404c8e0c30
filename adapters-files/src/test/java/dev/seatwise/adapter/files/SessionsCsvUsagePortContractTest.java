package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.domain.catalog.ProductId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileUsageAdapter} obeys the UsagePort contract when reading a sessions CSV. */
class SessionsCsvUsagePortContractTest extends AbstractUsagePortContractTest {
  @TempDir Path dir;

  private Path write(List<UsageRow> rows) {
    List<String> lines = new ArrayList<>();
    lines.add("user,product,start,end");
    for (UsageRow r : rows) {
      lines.add(r.user() + ",\"" + r.product() + "\"," + r.start() + "," + r.end());
    }
    try {
      return Files.write(Files.createTempFile(dir, "sessions", ".csv"), lines);
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

  @Override
  protected String knownProduct() {
    return "Autodesk Revit";
  }

  @Override
  protected ProductId knownProductId() {
    return ProductId.of("RVT");
  }
}
