package dev.seatwise.adapter.files;

import dev.seatwise.domain.catalog.ProductId;

/** {@link FileUsageAdapter} obeys the UsagePort contract when reading a sessions CSV. */
class SessionsCsvUsagePortContractTest extends FileUsagePortContractTest {
  @Override
  protected String header() {
    return "user,product,start,end";
  }

  @Override
  protected String line(UsageRow r) {
    return r.user() + ",\"" + r.product() + "\"," + r.start() + "," + r.end();
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
