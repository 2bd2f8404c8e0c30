package dev.seatwise.domain.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.domain.catalog.Covers;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Worked by hand. Covers: ACD (AutoCAD) covers ACDLT (AutoCAD LT); C3D (Civil 3D) covers ACD, so
 * C3D also covers ACDLT. RVT (Revit) and NAVMAN (Navisworks) cover nothing and are covered by
 * nothing. Windows are 24 h.
 */
class DoubleChargeTest {
  private static final ProductId ACD = ProductId.of("ACD");
  private static final ProductId ACDLT = ProductId.of("ACDLT");
  private static final ProductId C3D = ProductId.of("C3D");
  private static final ProductId RVT = ProductId.of("RVT");
  private static final ProductId NAVMAN = ProductId.of("NAVMAN");
  private static final Covers COVERS =
      Covers.of(Map.of(ACD, Set.of(ACDLT), C3D, Set.of(ACD)));

  private static Charge window(String user, ProductId product, String start, long tokens) {
    Instant s = Instant.parse(start);
    return new Charge(UserId.of(user), product, s, s.plus(Duration.ofHours(24)), tokens);
  }

  @Test
  void coversIsTransitiveAndOnlyOneWay() {
    assertThat(COVERS.covers(C3D, ACDLT)).isTrue();
    assertThat(COVERS.covers(ACD, ACDLT)).isTrue();
    assertThat(COVERS.covers(ACDLT, ACD)).isFalse();
    assertThat(COVERS.covers(ACD, RVT)).isFalse();
    assertThat(COVERS.coveredBy(C3D)).containsExactly(ACD, ACDLT);
  }

  @Test
  void aCycleOfCoversIsRejected() {
    assertThatThrownBy(() -> Covers.of(Map.of(ACD, Set.of(ACDLT), ACDLT, Set.of(ACD))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("covers itself");
  }

  @Test
  void anLtWindowOpenedInsideAnAutoCadWindowIsADoubleCharge() {
    // ann: ACD opens Mon 08:00 (7 tokens); ACDLT opens Mon 14:00 (2 tokens), inside ACD's window
    // [Mon 08:00, Tue 08:00): the 2 LT tokens were spent twice. ACDLT again Wed 09:00: no ACD
    // window is open then, a legitimate charge.
    Charge acd = window("ann", ACD, "2025-03-03T08:00:00Z", 7);
    Charge lt = window("ann", ACDLT, "2025-03-03T14:00:00Z", 2);
    Charge ltWed = window("ann", ACDLT, "2025-03-05T09:00:00Z", 2);

    List<DoubleCharge> found = DoubleCharge.in(List.of(acd, lt, ltWed), COVERS);

    assertThat(found).containsExactly(new DoubleCharge(lt, acd));
    assertThat(found.get(0).tokens()).isEqualTo(2);
  }

  @Test
  void civil3dCoversAutoCadAndThroughItAutoCadLt() {
    // bob: C3D opens 08:00 (9); ACD opens 10:00 (7) and ACDLT 11:00 (2), both inside the C3D window.
    Charge c3d = window("bob", C3D, "2025-03-03T08:00:00Z", 9);
    Charge acd = window("bob", ACD, "2025-03-03T10:00:00Z", 7);
    Charge lt = window("bob", ACDLT, "2025-03-03T11:00:00Z", 2);

    // ACD (7) and ACDLT (2) were both covered: 9 tokens charged twice. The LT window pairs with the
    // earliest covering window open at 11:00, C3D's (08:00).
    assertThat(DoubleCharge.in(List.of(c3d, acd, lt), COVERS))
        .containsExactly(new DoubleCharge(acd, c3d), new DoubleCharge(lt, c3d));
  }

  @Test
  void twoUnrelatedProductsOnOneDayAreTwoLegitimateCharges() {
    // AutoCAD and Revit, and Navisworks, in overlapping windows: nothing covers the others.
    Charge acd = window("cat", ACD, "2025-03-03T08:00:00Z", 7);
    Charge rvt = window("cat", RVT, "2025-03-03T09:00:00Z", 10);
    Charge nav = window("cat", NAVMAN, "2025-03-03T10:00:00Z", 10);

    assertThat(DoubleCharge.in(List.of(acd, rvt, nav), COVERS)).isEmpty();
  }

  @Test
  void aCoveredWindowOpenedBeforeTheCoveringOneIsNotADoubleCharge() {
    // dan opens ACDLT at 08:00 and ACD at 09:00: the LT work was under way before AutoCAD ran.
    // Nor do another user's windows count.
    Charge lt = window("dan", ACDLT, "2025-03-03T08:00:00Z", 2);
    Charge acd = window("dan", ACD, "2025-03-03T09:00:00Z", 7);
    Charge othersAcd = window("eve", ACD, "2025-03-03T07:00:00Z", 7);

    assertThat(DoubleCharge.in(List.of(lt, acd, othersAcd), COVERS)).isEmpty();
  }

  @Test
  void aWindowOpenedAtTheCoveringWindowsEndIsNotInsideIt() {
    // ACD [Mon 08:00, Tue 08:00); ACDLT at Tue 08:00 exactly: the ACD window has ended (half-open).
    Charge acd = window("fay", ACD, "2025-03-03T08:00:00Z", 7);
    Charge lt = window("fay", ACDLT, "2025-03-04T08:00:00Z", 2);

    assertThat(DoubleCharge.in(List.of(acd, lt), COVERS)).isEmpty();
  }

  @Test
  void withoutCoversThereIsNoDoubleCharge() {
    Charge acd = window("ann", ACD, "2025-03-03T08:00:00Z", 7);
    Charge lt = window("ann", ACDLT, "2025-03-03T14:00:00Z", 2);

    assertThat(DoubleCharge.in(List.of(acd, lt), Covers.NONE)).isEmpty();
  }
}
