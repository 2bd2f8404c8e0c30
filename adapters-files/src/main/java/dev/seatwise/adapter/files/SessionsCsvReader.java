package dev.seatwise.adapter.files;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.usage.Session;
import dev.seatwise.domain.usage.UserId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * seatwise's own sessions CSV: {@code user,product,start,end} with ISO-8601 date-times. Extra
 * columns are ignored; {@code product} is a catalog id, name or alias.
 */
final class SessionsCsvReader implements UsageReader {
  static final HeaderSpec SPEC =
      HeaderSpec.builder("seatwise sessions CSV")
          .required("user", "username", "user_id", "login", "email")
          .required("product", "product_id", "product_name")
          .required("start", "start_time", "started_at", "checkout_time")
          .required("end", "end_time", "ended_at", "checkin_time")
          .build();

  @Override
  public void read(Path file, String name, ReadContext ctx, UsageCollector out, RowLedger ledger) {
    CsvTable.read(
        file,
        name,
        SPEC,
        ledger,
        (line, fields, h) -> {
          String user = h.get(fields, "user");
          if (user.isEmpty()) {
            ledger.reject(line, "user", "missing value");
            return;
          }
          String productName = h.get(fields, "product");
          if (productName.isEmpty()) {
            ledger.reject(line, "product", "missing value");
            return;
          }
          Optional<ProductId> product = ctx.resolver().byName(productName);
          if (product.isEmpty()) {
            ledger.reject(line, "product", "unknown product '" + Limits.quote(productName) + "'");
            return;
          }
          Instant start;
          Instant end;
          try {
            start = Values.instant(h.get(fields, "start"), ctx.options().zone());
          } catch (Values.BadValue e) {
            ledger.reject(line, "start", e.getMessage());
            return;
          }
          try {
            end = Values.instant(h.get(fields, "end"), ctx.options().zone());
          } catch (Values.BadValue e) {
            ledger.reject(line, "end", e.getMessage());
            return;
          }
          if (end.isBefore(start)) {
            ledger.reject(line, "end", "end " + end + " is before start " + start);
            return;
          }
          UserId id = ctx.identity().anyUser(user, ctx.privacy());
          out.sessions.add(new Session(id, product.get(), start, end));
          ledger.accept();
        });
  }
}
