package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.UsageSummary;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Autodesk Account Usage Report export, aggregated per user x product over the export period, in
 * its Title Case form ({@code Email, Product, Days used, Last accessed, Tokens used, ...}) and its
 * snake_case form ({@code hashed_autodesk_id, email, offering_name, days_used, tokens_used,
 * last_accessed, ...}), into {@link UsageSummary}.
 */
final class AutodeskUsageReportReader implements UsageReader {
  static final HeaderSpec SPEC =
      HeaderSpec.builder("Autodesk Usage Report export")
          .required("product", "offering_name", "product_name", "offering")
          .required("days_used")
          .optional("email", "email_address")
          .optional("hashed_autodesk_id", "hashed_id")
          .optional("autodesk_id")
          .optional("last_accessed", "last_used", "last_access")
          .optional("tokens_used", "tokens")
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
          Optional<UserId> user = AccountRows.user(f, h, ctx);
          if (user.isEmpty()) {
            ledger.reject(line, AccountRows.userField(h), "no user: e-mail and hashed id are empty");
            return;
          }
          Optional<ProductId> product =
              AccountRows.productOrReject(f, h, ctx, ledger, line, "product");
          if (product.isEmpty()) {
            return;
          }
          long days;
          long tokens;
          Optional<LocalDate> last;
          String field = "days_used";
          try {
            days = Values.count(h.get(f, "days_used"), Limits.MAX_DAYS_USED);
            field = "tokens_used";
            tokens = Values.countOrZero(h.get(f, "tokens_used"), Limits.MAX_TOKENS_PER_ROW);
            field = "last_accessed";
            last = Values.optionalDate(h.get(f, "last_accessed"));
          } catch (Values.BadValue e) {
            ledger.reject(line, field, e.getMessage());
            return;
          }
          out.summaries.add(new UsageSummary(user.get(), product.get(), days, last, tokens));
          ledger.accept();
        });
  }
}
