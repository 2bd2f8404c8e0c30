package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.TokenUsage;
import dev.seatwise.domain.reconcile.ChargeTable;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Autodesk Account Token Usage export ({@code Day used, Email, First name, Last name, Product,
 * Feature, Team, Tokens used}): what Flex actually charged, into {@link TokenUsage}s held by
 * column (a {@link ChargeTable}: each user and product once, a row about 14 bytes).
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
    AccountRows.Repeats repeats = new AccountRows.Repeats(); // each person worked out once
    CsvTable.read(
        file,
        name,
        SPEC,
        ledger,
        (line, f, h) -> {
          Optional<AccountRows.DayUserProduct> key =
              AccountRows.dayUserProductOrReject(f, h, ctx, repeats, ledger, line, "product", "feature");
          if (key.isEmpty()) {
            return;
          }
          AccountRows.DayUserProduct k = key.get();
          long tokens;
          try {
            tokens = Values.count(h.get(f, "tokens_used"), Limits.MAX_TOKENS_PER_ROW);
          } catch (Values.BadValue e) {
            ledger.reject(line, "tokens_used", e.getMessage());
            return;
          }
          out.tokens.add(k.day(), k.user(), k.product(), tokens);
          ledger.accept();
        });
  }
}
