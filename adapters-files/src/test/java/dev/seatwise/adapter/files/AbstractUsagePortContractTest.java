package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.FileReport;
import dev.seatwise.application.port.out.ImportedUsage;
import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.application.port.out.UsagePort;
import dev.seatwise.domain.catalog.ProductId;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The laws every {@link UsagePort} implementation obeys, whatever its storage: rows read =
 * accepted + rejected for every source; a row of a product the catalog does not know is rejected
 * with the reason "unknown product", never dropped; strict mode makes that row fatal; a valid row
 * shows up in the usage; reading twice gives the same result. An implementation extends this class
 * and says how to store rows in its own format.
 */
public abstract class AbstractUsagePortContractTest {
  /** A row as a usage source would hold it, in domain words; {@code product} may be unknown. */
  protected record UsageRow(String user, String product, Instant start, Instant end) {}

  /** A lenient port whose sources hold exactly {@code rows}. */
  protected abstract UsagePort portHolding(List<UsageRow> rows);

  /** A strict port whose sources hold exactly {@code rows}. */
  protected abstract UsagePort strictPortHolding(List<UsageRow> rows);

  /** A product name the port's catalog knows, and what it resolves to. */
  protected abstract String knownProduct();

  protected abstract ProductId knownProductId();

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private UsageRow known(String user) {
    return new UsageRow(user, knownProduct(), T0, T0.plusSeconds(3600));
  }

  private static UsageRow unknown(String user) {
    return new UsageRow(user, "No Such Product 2099", T0, T0.plusSeconds(3600));
  }

  @Test
  void rowsReadAreAcceptedPlusRejectedForEverySource() {
    ImportedUsage u = portHolding(List.of(known("a"), unknown("b"), known("c"), unknown("d"))).usage();
    assertThat(u.report().files()).isNotEmpty().allSatisfy(
        f -> assertThat(f.rowsRead()).isEqualTo(f.accepted() + f.rejected()));
    assertThat(u.report().rowsRead()).isEqualTo(4);
    assertThat(u.report().accepted()).isEqualTo(2);
    assertThat(u.report().rejected()).isEqualTo(2);
  }

  @Test
  void aRowOfAnUnknownProductIsRejectedAsUnknownProduct() {
    ImportedUsage u = portHolding(List.of(known("a"), unknown("b"))).usage();
    assertThat(u.report().rejections()).singleElement().satisfies(r -> {
      assertThat(r.reason()).startsWith("unknown product");
      assertThat(r.reason()).contains("No Such Product 2099");
      assertThat(r.line()).isPositive();
      assertThat(r.file()).isNotBlank();
    });
  }

  @Test
  void anAcceptedRowShowsUpInTheUsageUnderItsProduct() {
    ImportedUsage u = portHolding(List.of(known("alice"))).usage();
    Stream<ProductId> products = Stream.concat(
        u.log().sessions().stream().filter(s -> s.user().value().equals("alice")).map(s -> s.product()),
        u.log().days().stream().filter(d -> d.user().value().equals("alice")).map(d -> d.product()));
    assertThat(products).containsOnly(knownProductId()).isNotEmpty();
  }

  @Test
  void strictModeFailsAtTheUnknownProductNamingIt() {
    assertThatThrownBy(() -> strictPortHolding(List.of(known("a"), unknown("b"))).usage())
        .isInstanceOf(UsageImportException.class)
        .hasMessageContaining("unknown product");
  }

  @Test
  void strictModeAcceptsCleanInput() {
    FileReport only = strictPortHolding(List.of(known("a"), known("b"))).usage().report().files().get(0);
    assertThat(only.rejected()).isZero();
  }

  @Test
  void readingTwiceGivesTheSameUsage() {
    UsagePort port = portHolding(List.of(known("a"), unknown("b"), known("c")));
    assertThat(port.usage()).isEqualTo(port.usage());
  }
}
