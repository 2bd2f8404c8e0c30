package dev.seatwise.adapter.files;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.UserId;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Autodesk Insights (Premium reporting) usage export, CSV, JSON or .xlsx, with the fields {@code
 * productName, usageDate, usageMonth, version, childProductName, tokens, emailAddress, firstName,
 * lastName, userName, fullName, userId, hashedUserId} (camelCase, snake_case or Title Case): one
 * row per user x product x day into {@link DailyUsage}. The product is {@code childProductName}
 * when the catalog knows it (the product run inside a collection), else {@code productName}. The
 * user is the e-mail, else the hashed id, else the user id, through the identity map. A row with
 * only a {@code usageMonth} has no day and is rejected; {@code tokens} is checked (a whole number
 * ≥ 0 when given) but the day is priced by the catalog, like every day used.
 */
final class AutodeskInsightsUsageReader implements UsageReader {
  static final HeaderSpec SPEC =
      HeaderSpec.builder("Autodesk Insights usage export")
          .required("product_name", "productName")
          .optional("usage_date", "usageDate")
          .optional("usage_month", "usageMonth")
          .optional("child_product_name", "childProductName")
          .optional("tokens", "tokens_used")
          .optional("email", "emailAddress", "email_address")
          .optional("hashed_autodesk_id", "hashedUserId", "hashed_user_id")
          .optional("autodesk_id", "userId", "user_id")
          .optional("version")
          .oneOf("usage_date", "usage_month")
          .oneOf("email", "hashed_autodesk_id", "autodesk_id")
          .build();

  @Override
  public void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    CsvTable.read(
        file,
        name,
        SPEC,
        ledger,
        (line, f, h) -> {
          String date = h.get(f, "usage_date");
          if (date.isEmpty()) {
            ledger.reject(line, "usage_date", h.get(f, "usage_month").isEmpty()
                ? "missing value"
                : "missing value: a row with only usageMonth '" + h.get(f, "usage_month")
                    + "' has no day used");
            return;
          }
          LocalDate day;
          try {
            day = Values.date(date);
          } catch (Values.BadValue e) {
            ledger.reject(line, "usage_date", e.getMessage());
            return;
          }
          try {
            Values.countOrZero(h.get(f, "tokens"), Limits.MAX_TOKENS_PER_ROW);
          } catch (Values.BadValue e) {
            ledger.reject(line, "tokens", e.getMessage());
            return;
          }
          Optional<UserId> user = AccountRows.user(f, h, ctx);
          if (user.isEmpty()) {
            ledger.reject(line, AccountRows.userField(h), "no user: e-mail and ids are empty");
            return;
          }
          Optional<ProductId> product =
              AccountRows.product(f, h, ctx, "child_product_name", "product_name");
          if (product.isEmpty()) {
            String parent = h.get(f, "product_name");
            String child = h.get(f, "child_product_name");
            if (parent.isEmpty() && child.isEmpty()) {
              ledger.reject(line, "product_name", "missing value");
            } else {
              ledger.reject(line, "product_name", "unknown product '"
                  + Limits.quote(parent.isEmpty() ? child : parent) + "'"
                  + (parent.isEmpty() || child.isEmpty()
                      ? "" : " (child product '" + Limits.quote(child) + "')"));
            }
            return;
          }
          out.day(new DailyUsage(user.get(), product.get(), day));
          ledger.accept();
        });
  }
}
