package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.TokenUsage;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.UserId;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Autodesk Account Token Usage export ({@code Day used, Email, First name, Last name, Product,
 * Feature, Team, Tokens used}): what Flex actually charged, into {@link TokenUsage}.
 */
final class AutodeskTokenUsageReader implements UsageReader {
  static final HeaderSpec SPEC =
      HeaderSpec.builder("Autodesk Token Usage export")
          .required("day_used", "date", "usage_date")
          .required("product", "product_name", "offering_name")
          .required("tokens_used", "tokens")
          .optional("feature")
          .optional("email", "email_address")
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
              AccountRows.productOrReject(f, h, ctx, ledger, line, "product", "feature");
          if (product.isEmpty()) {
            return;
          }
          long tokens;
          try {
            tokens = Values.count(h.get(f, "tokens_used"));
          } catch (Values.BadValue e) {
            ledger.reject(line, "tokens_used", e.getMessage());
            return;
          }
          out.tokens.add(new TokenUsage(day, user.get(), product.get(), tokens));
          ledger.accept();
        });
  }
}
