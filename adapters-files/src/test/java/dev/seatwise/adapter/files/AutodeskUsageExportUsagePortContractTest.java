package dev.seatwise.adapter.files;

import dev.seatwise.domain.catalog.ProductId;
import java.time.ZoneOffset;

/** {@link FileUsageAdapter} obeys the UsagePort contract when reading an Autodesk usage export. */
class AutodeskUsageExportUsagePortContractTest extends FileUsagePortContractTest {
  @Override
  protected String header() {
    return "day_used,email,product_name,offering_name,access_option,version,Team";
  }

  @Override
  protected String line(UsageRow r) {
    return r.start().atOffset(ZoneOffset.UTC).toLocalDate() + "," + r.user() + "," + r.product()
        + "," + r.product() + ",Flex,2026,Team A";
  }

  @Override
  protected String knownProduct() {
    return "AutoCAD - including specialized toolsets";
  }

  @Override
  protected ProductId knownProductId() {
    return ProductId.of("ACD");
  }
}
