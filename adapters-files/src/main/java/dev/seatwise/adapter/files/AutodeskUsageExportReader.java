package dev.seatwise.adapter.files;

import dev.seatwise.domain.usage.DailyUsage;
import java.nio.file.Path;
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
    AccountRows.Repeats repeats = new AccountRows.Repeats();
    CsvTable.read(
        file,
        name,
        SPEC,
        ledger,
        (line, f, h) -> {
          Optional<AccountRows.DayUserProduct> key =
              AccountRows.dayUserProductOrReject(
                  f, h, ctx, repeats, ledger, line, "product_name", "offering_name");
          if (key.isEmpty()) {
            return;
          }
          AccountRows.DayUserProduct k = repeats.shared(key.get());
          out.day(new DailyUsage(k.user(), k.product(), k.day()));
          ledger.accept();
        });
  }
}
