package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Covers;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A window charged for a product whose use another product, already charged in an open window of
 * the same user, covers: {@code charged} (say AutoCAD LT) opened while {@code covering} (AutoCAD,
 * which covers AutoCAD LT in the catalog's {@link Covers}) was open, i.e. {@code covering.start <=
 * charged.start < covering.end}. The user could have done that work in the window already paid for,
 * so {@code charged.tokens()} were spent twice. Two unrelated products used on one day (AutoCAD and
 * Revit, or Navisworks) are two legitimate charges, never a double charge; nor is a covered window
 * opened before the covering one (the work was under way before the covering product was launched).
 * Immutable and thread-safe; nothing is null.
 */
public record DoubleCharge(Charge charged, Charge covering) {
  public DoubleCharge {
    checkNotNull(charged, "charged");
    checkNotNull(covering, "covering");
    checkArgument(charged.user().equals(covering.user()), "charges of two users");
    checkArgument(
        !charged.start().isBefore(covering.start()) && charged.start().isBefore(covering.end()),
        "%s did not open inside %s", charged, covering);
  }

  /** The tokens charged twice: those of the covered window. */
  public long tokens() {
    return charged.tokens();
  }

  /**
   * Every double charge among {@code charges} under {@code covers}: each charged window (tokens >
   * 0) of a product covered by another whose charged window (tokens > 0) was open when it opened,
   * once, paired with the earliest such covering window (ties: the lower product id). Ordered by
   * user, covered product and start. With {@link Covers#NONE} there are none.
   */
  public static List<DoubleCharge> in(List<Charge> charges, Covers covers) {
    checkNotNull(charges, "charges");
    checkNotNull(covers, "covers");
    List<DoubleCharge> out = new ArrayList<>();
    if (covers.isEmpty()) {
      return out;
    }
    Map<UserId, Map<ProductId, List<Charge>>> byUser = new TreeMap<>();
    for (Charge c : charges) {
      if (c.tokens() > 0) {
        byUser.computeIfAbsent(c.user(), u -> new TreeMap<>())
            .computeIfAbsent(c.product(), p -> new ArrayList<>())
            .add(c);
      }
    }
    Comparator<Charge> byStart = Comparator.comparing(Charge::start).thenComparing(Charge::product);
    byUser.forEach(
        (user, byProduct) -> {
          byProduct.values().forEach(l -> l.sort(byStart));
          byProduct.forEach(
              (covered, windows) -> {
                List<Charge> coverers = new ArrayList<>();
                byProduct.forEach(
                    (by, list) -> {
                      if (covers.covers(by, covered)) {
                        coverers.addAll(list);
                      }
                    });
                if (coverers.isEmpty()) {
                  return;
                }
                coverers.sort(byStart);
                for (Charge w : windows) {
                  for (Charge c : coverers) {
                    if (c.start().isAfter(w.start())) {
                      break;
                    }
                    if (w.start().isBefore(c.end())) {
                      out.add(new DoubleCharge(w, c));
                      break;
                    }
                  }
                }
              });
        });
    return out;
  }
}
