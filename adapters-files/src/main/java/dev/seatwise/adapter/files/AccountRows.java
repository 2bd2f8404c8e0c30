package dev.seatwise.adapter.files;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cell helpers shared by the Autodesk Account export readers. */
final class AccountRows {
  private AccountRows() {}

  /**
   * The row's user from its e-mail, hashed id or Autodesk id columns (masked {@code *****} values
   * count as absent), through the identity map; empty when the row names nobody.
   */
  static Optional<UserId> user(List<String> f, HeaderSpec.Header h, ReadContext ctx) {
    Optional<String> email = Values.identifier(h.get(f, "email"));
    Optional<String> hashed = Values.identifier(h.get(f, "hashed_autodesk_id"))
        .or(() -> Values.identifier(h.get(f, "autodesk_id")));
    if (email.isEmpty() && hashed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ctx.identity().accountUser(email, hashed, ctx.privacy()));
  }

  /** Which user column to blame when a row names nobody. */
  static String userField(HeaderSpec.Header h) {
    return h.has("email") ? "email" : h.has("hashed_autodesk_id") ? "hashed_autodesk_id" : "autodesk_id";
  }

  /** The product named by the first of {@code columns} the resolver knows. */
  static Optional<ProductId> product(
      List<String> f, HeaderSpec.Header h, ReadContext ctx, String... columns) {
    for (String c : columns) {
      String v = h.get(f, c);
      if (!v.isEmpty()) {
        Optional<ProductId> p = ctx.resolver().byName(v);
        if (p.isPresent()) {
          return p;
        }
      }
    }
    return Optional.empty();
  }

  /** Rejects a row whose product is blank or unknown; returns the product otherwise. */
  static Optional<ProductId> productOrReject(List<String> f, HeaderSpec.Header h, ReadContext ctx,
      RowLedger ledger, long line, String column, String... fallbacks) {
    String v = h.get(f, column);
    String[] all = new String[fallbacks.length + 1];
    all[0] = column;
    System.arraycopy(fallbacks, 0, all, 1, fallbacks.length);
    Optional<ProductId> p = product(f, h, ctx, all);
    if (p.isPresent()) {
      return p;
    }
    if (v.isEmpty()) {
      ledger.reject(line, column, "missing value");
    } else {
      ledger.reject(line, column, "unknown product '" + Limits.quote(v) + "'");
    }
    return Optional.empty();
  }

  /** The key of a per-day Autodesk export row: the day used, the user and the product. */
  record DayUserProduct(LocalDate day, UserId user, ProductId product) {}

  /**
   * One read's users and days, each held once: a day-by-day export names the same person and day on
   * many rows, and every row would otherwise keep its own id, string and date (the usage export's
   * rows are kept as objects; the Token Usage export's are kept by column, each person once, by
   * {@code ChargeTable}). Not thread-safe: one per read.
   */
  static final class Repeats {
    private final Map<UserId, UserId> users = new HashMap<>();
    private final Map<LocalDate, LocalDate> days = new HashMap<>();

    /** Users by the e-mail cell that named them, for rows that name no hashed or Autodesk id. */
    private final Map<String, UserId> byEmail = new HashMap<>();

    /**
     * {@link AccountRows#user}, worked out once per e-mail cell of rows that name no hashed or
     * Autodesk id (a day-by-day export names each person on many rows; the masked-value check,
     * lower-casing and identity map lookup then run once per person).
     */
    Optional<UserId> user(List<String> f, HeaderSpec.Header h, ReadContext ctx) {
      if (!h.get(f, "hashed_autodesk_id").isEmpty() || !h.get(f, "autodesk_id").isEmpty()) {
        return AccountRows.user(f, h, ctx);
      }
      String email = h.get(f, "email");
      UserId known = byEmail.get(email);
      if (known != null) {
        return Optional.of(known);
      }
      Optional<UserId> u = AccountRows.user(f, h, ctx);
      u.ifPresent(x -> byEmail.put(email, x));
      return u;
    }

    /** {@code key} with the read's first equal user and day in place of its own. */
    DayUserProduct shared(DayUserProduct key) {
      UserId u = users.putIfAbsent(key.user(), key.user());
      LocalDate d = days.putIfAbsent(key.day(), key.day());
      return u == null && d == null
          ? key
          : new DayUserProduct(d == null ? key.day() : d, u == null ? key.user() : u, key.product());
    }
  }

  /**
   * Reads {@code day_used}, the user (through the read's {@code repeats}) and the product of a
   * per-day export row, rejecting the row (with the field and reason) at the first that is
   * missing or invalid.
   */
  static Optional<DayUserProduct> dayUserProductOrReject(List<String> f, HeaderSpec.Header h,
      ReadContext ctx, Repeats repeats, RowLedger ledger, long line, String productColumn,
      String... fallbacks) {
    LocalDate day;
    try {
      day = Values.date(h.get(f, "day_used"));
    } catch (Values.BadValue e) {
      ledger.reject(line, "day_used", e.getMessage());
      return Optional.empty();
    }
    Optional<UserId> user = repeats.user(f, h, ctx);
    if (user.isEmpty()) {
      ledger.reject(line, userField(h), "no user: e-mail and hashed id are empty");
      return Optional.empty();
    }
    return productOrReject(f, h, ctx, ledger, line, productColumn, fallbacks)
        .map(product -> new DayUserProduct(day, user.get(), product));
  }
}
