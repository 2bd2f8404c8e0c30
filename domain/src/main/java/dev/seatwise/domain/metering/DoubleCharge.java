package dev.seatwise.domain.metering;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.seatwise.domain.catalog.Covers;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.util.ArrayList;
import java.util.Arrays;
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

  /** A double charge by position in a {@link WindowTable}: window {@code charged} opened inside window {@code covering}. */
  public record At(int charged, int covering) {}

  /**
   * {@link #in(List, Covers)} of the windows {@code i} of {@code windows} with {@code among[i]},
   * by position: the same double charges in the same order, found from the columns without an
   * object per window. Each user's windows are taken in the table's order (start, then product),
   * which is the plain rule's order; when every window has one length (a Flex table) the earliest
   * covering window still open is found with one pointer per user and covered product, which moves
   * only forward (the coverers' ends grow with their starts), else by the plain rule's scan.
   */
  public static List<At> in(WindowTable windows, boolean[] among, Covers covers) {
    checkNotNull(windows, "windows");
    checkNotNull(among, "among");
    checkNotNull(covers, "covers");
    checkArgument(among.length == windows.size(), "%s flags for %s windows", among.length, windows.size());
    List<At> out = new ArrayList<>();
    if (covers.isEmpty()) {
      return out;
    }
    int products = windows.productCount();
    // coveredBy[p][q]: product q covers product p (null when nothing covers p)
    boolean[][] coveredBy = new boolean[products][];
    boolean any = false;
    for (int p = 0; p < products; p++) {
      for (int q = 0; q < products; q++) {
        if (covers.covers(windows.productAt(q), windows.productAt(p))) {
          if (coveredBy[p] == null) {
            coveredBy[p] = new boolean[products];
          }
          coveredBy[p][q] = true;
          any = true;
        }
      }
    }
    if (!any) {
      return out;
    }
    // the windows charged (tokens > 0) among those given, by user, each user's in table order
    int n = windows.size();
    int users = windows.userCount();
    int[] first = new int[users + 1];
    for (int i = 0; i < n; i++) {
      if (among[i] && windows.tokens(i) > 0) {
        first[windows.userIndex(i) + 1]++;
      }
    }
    int widest = 0;
    for (int u = 0; u < users; u++) {
      widest = Math.max(widest, first[u + 1]);
      first[u + 1] += first[u];
    }
    int[] byUser = new int[first[users]];
    int[] next = Arrays.copyOf(first, users);
    for (int i = 0; i < n; i++) {
      if (among[i] && windows.tokens(i) > 0) {
        byUser[next[windows.userIndex(i)]++] = i;
      }
    }
    boolean uniform = windows.length().isPresent();
    int[] covered = new int[widest];
    int[] coverers = new int[widest];
    for (int u = 0; u < users; u++) {
      int from = first[u];
      int to = first[u + 1];
      if (to - from < 2) {
        continue;
      }
      for (int p = 0; p < products; p++) {
        boolean[] by = coveredBy[p];
        if (by == null) {
          continue;
        }
        int nw = 0;
        int nc = 0;
        for (int k = from; k < to; k++) {
          int i = byUser[k];
          int q = windows.productIndex(i);
          if (q == p) {
            covered[nw++] = i;
          } else if (by[q]) {
            coverers[nc++] = i;
          }
        }
        if (nw == 0 || nc == 0) {
          continue;
        }
        if (uniform) {
          int c = 0;
          for (int x = 0; x < nw; x++) {
            long opened = windows.startNanos(covered[x]);
            while (c < nc && windows.endNanos(coverers[c]) <= opened) {
              c++;
            }
            if (c < nc && windows.startNanos(coverers[c]) <= opened) {
              out.add(new At(covered[x], coverers[c]));
            }
          }
        } else {
          for (int x = 0; x < nw; x++) {
            long opened = windows.startNanos(covered[x]);
            for (int c = 0; c < nc; c++) {
              if (windows.startNanos(coverers[c]) > opened) {
                break;
              }
              if (opened < windows.endNanos(coverers[c])) {
                out.add(new At(covered[x], coverers[c]));
                break;
              }
            }
          }
        }
      }
    }
    return out;
  }
}
