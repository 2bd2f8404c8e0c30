package dev.seatwise.adapter.files;

import dev.seatwise.domain.money.UnitPrice;
import dev.seatwise.domain.tokens.TokenLot;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The token lots CSV ({@code lot_id, purchase_date, tokens, unit_price, currency, expires}): one
 * {@link TokenLot} per row, bought at the start of {@code purchase_date} and usable until the start
 * of {@code expires} (in the import zone); {@code expires} defaults to the validity given for the
 * purchase date (the catalog's {@code tokens.expiresAfter}; 12 months, Autodesk's rule, when none
 * is given), {@code currency} to the catalog's, {@code lot_id} to {@code FILENAME#line}.
 */
final class TokenLotsReader {
  /** How long a lot lasts when neither the file nor the caller says. */
  static final Period DEFAULT_VALIDITY = Period.ofMonths(12);

  static final HeaderSpec SPEC =
      HeaderSpec.builder("token lots CSV")
          .required("purchase_date", "purchased", "purchased_on", "order_date")
          .required("tokens", "size", "token_quantity", "lot_size")
          .required("unit_price", "price_per_token", "token_price")
          .optional("expires", "expiry", "expiry_date", "expiration_date", "expires_on")
          .optional("currency")
          .optional("lot_id", "lot", "order_number", "id")
          .build();

  private final Optional<Currency> defaultCurrency;
  private final Function<LocalDate, Period> validity;

  TokenLotsReader(Optional<Currency> defaultCurrency, Function<LocalDate, Period> validity) {
    this.defaultCurrency = defaultCurrency;
    this.validity = validity;
  }

  void read(Path file, String name, ReadContext ctx, List<TokenLot> out, RowLedger ledger) {
    ZoneId zone = ctx.options().zone();
    CsvTable.read(
        file,
        name,
        SPEC,
        (line, f, h) -> {
          String field = "purchase_date";
          LocalDate purchased;
          long size;
          BigDecimal price;
          Optional<LocalDate> expires;
          try {
            purchased = Values.date(h.get(f, field));
            field = "tokens";
            size = Values.count(h.get(f, field), Limits.MAX_TOKENS_PER_ROW);
            field = "unit_price";
            price = price(h.get(f, field));
            field = "expires";
            expires = Values.optionalDate(h.get(f, field));
          } catch (Values.BadValue e) {
            ledger.reject(line, field, e.getMessage());
            return;
          }
          if (size == 0) {
            ledger.reject(line, "tokens", "a lot holds at least one token");
            return;
          }
          LocalDate until = expires.orElseGet(() -> purchased.plus(validity.apply(purchased)));
          if (!until.isAfter(purchased)) {
            ledger.reject(line, "expires", "expiry " + until + " is not after purchase " + purchased);
            return;
          }
          String code = h.get(f, "currency").strip().toUpperCase(Locale.ROOT);
          Optional<Currency> currency;
          try {
            currency = code.isEmpty() ? defaultCurrency : Optional.of(Currency.getInstance(code));
          } catch (IllegalArgumentException e) {
            ledger.reject(line, "currency", "unknown currency '" + Limits.quote(code) + "'");
            return;
          }
          if (currency.isEmpty()) {
            ledger.reject(line, "currency", "no currency: add a currency column (e.g. USD)");
            return;
          }
          String id = h.get(f, "lot_id").strip();
          Instant start = purchased.atStartOfDay(zone).toInstant();
          Instant end = until.atStartOfDay(zone).toInstant();
          out.add(
              new TokenLot(
                  id.isEmpty() ? file.getFileName() + "#" + line : id,
                  start,
                  size,
                  new UnitPrice(price, currency.get()),
                  end));
          ledger.accept();
        });
  }

  private static BigDecimal price(String raw) {
    String s = raw.strip();
    if (s.isEmpty()) {
      throw new Values.BadValue("empty unit price");
    }
    try {
      BigDecimal p = new BigDecimal(s);
      if (p.signum() < 0) {
        throw new Values.BadValue("unit price must be >= 0 but was " + Limits.quote(s));
      }
      if (p.compareTo(Limits.MAX_PRICE) > 0 || p.stripTrailingZeros().scale() > Limits.MAX_PRICE_SCALE) {
        throw new Values.BadValue(
            "unit price " + Limits.quote(s) + " is not plausible (at most " + Limits.MAX_PRICE.toPlainString()
                + ", " + Limits.MAX_PRICE_SCALE + " decimals)");
      }
      return p;
    } catch (NumberFormatException e) {
      throw new Values.BadValue("not a price: '" + Limits.quote(s) + "'");
    }
  }
}
