package dev.seatwise.adapter.files;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.DailyUsage;
import dev.seatwise.domain.usage.UserId;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Autodesk Account usage export: one row per user x product x day used ({@code day_used, email or
 * hashed_autodesk_id, product_name, offering_name, ...}) into {@link DailyUsage}. Two rows for the
 * same user, product and day (two versions) are both accepted and count as one day.
 */
final class AutodeskUsageExportReader implements UsageReader {
  static final HeaderSpec SPEC =
      HeaderSpec.builder("Autodesk usage export")
          .required("day_used", "usage_date", "date_used")
          .required("product_name", "product")
          .optional("offering_name", "offering")
          .optional("email", "email_address", "user_email")
          .optional("hashed_autodesk_id", "hashed_id")
          .optional("autodesk_id")
          .oneOf("email", "hashed_autodesk_id", "autodesk_id")
          .build();

  @Override
  public void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    CsvTable.read(
        file,
        name,
        SPEC,
        (line, f, h) -> {
          LocalDate day;
          try {
            day = Values.date(h.get(f, "day_used"));
          } catch (Values.BadValue e) {
            ledger.reject(line, "day_used", e.getMessage());
            return;
          }
          Optional<UserId> user = AccountRows.user(f, h, ctx);
          if (user.isEmpty()) {
            ledger.reject(line, AccountRows.userField(h), "no user: e-mail and hashed id are empty");
            return;
          }
          Optional<ProductId> product =
              AccountRows.productOrReject(f, h, ctx, ledger, line, "product_name", "offering_name");
          if (product.isEmpty()) {
            return;
          }
          out.day(new DailyUsage(user.get(), product.get(), day));
          ledger.accept();
        });
  }
}
