package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.PoolConsumption;
import dev.seatwise.domain.catalog.ProductId;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Enterprise Token Flex (EBA) token consumption export: one row per contract year x token pool x
 * usage category x day x product line ({@code contractYear, tokenPool, usageCategory, usageDate,
 * productLineCode, productName, tokensConsumed}, in camelCase, snake_case or Title Case, with or
 * without Autodesk's trailing comma), into {@link PoolConsumption}. There are no users. A product
 * line the catalog does not know (by code, then by name) is kept under its own code: tokens already
 * spent are never dropped.
 */
final class AutodeskTokenConsumptionReader implements UsageReader {
  static final HeaderSpec SPEC =
      HeaderSpec.builder("Autodesk Token Flex consumption export")
          .required("usage_date", "date", "day", "consumption_date")
          .required("token_pool", "pool")
          .required("tokens_consumed", "tokens", "consumed_tokens")
          .optional("product_line_code", "product_line", "product_code")
          .optional("product_name", "product")
          .optional("usage_category", "category")
          .optional("contract_year")
          .oneOf("product_line_code", "product_name")
          .build();

  @Override
  public void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    CsvTable.read(
        file,
        name,
        SPEC,
        (line, f, h) -> {
          String field = "usage_date";
          LocalDate day;
          long tokens;
          try {
            day = Values.date(h.get(f, "usage_date"));
            field = "tokens_consumed";
            tokens = Values.count(h.get(f, "tokens_consumed"), Limits.MAX_TOKENS_PER_ROW);
          } catch (Values.BadValue e) {
            ledger.reject(line, field, e.getMessage());
            return;
          }
          String pool = h.get(f, "token_pool");
          if (pool.isEmpty()) {
            ledger.reject(line, "token_pool", "missing value");
            return;
          }
          String code = h.get(f, "product_line_code");
          String productName = h.get(f, "product_name");
          if (code.isEmpty() && productName.isEmpty()) {
            ledger.reject(line, h.has("product_line_code") ? "product_line_code" : "product_name",
                "missing value: the row names no product line");
            return;
          }
          Optional<ProductId> product =
              AccountRows.product(f, h, ctx, "product_line_code", "product_name");
          out.consumption.add(
              new PoolConsumption(
                  day,
                  pool,
                  h.get(f, "usage_category"),
                  code.isEmpty() ? productName : code,
                  productName.isEmpty() ? code : productName,
                  product,
                  tokens));
          ledger.accept();
        });
  }
}
