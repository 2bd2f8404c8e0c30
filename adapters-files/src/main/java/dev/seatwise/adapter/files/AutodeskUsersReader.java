package dev.seatwise.adapter.files;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.entitlement.SeatAssignment;
import dev.seatwise.domain.usage.UserId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Autodesk Account Users export ({@code autodesk_id, email, first_name, last_name, role,
 * product_name, account_status, Team}): each e-mail + product is a {@link SeatAssignment}. A
 * {@code product_name} cell may list several products separated by {@code ;}. A user row without a
 * product (an admin, say) is accepted and assigns nothing.
 */
final class AutodeskUsersReader {
  static final HeaderSpec SPEC =
      HeaderSpec.builder("Autodesk Users export")
          .required("product_name", "product", "products", "assigned_products")
          .optional("email", "email_address")
          .optional("hashed_autodesk_id", "hashed_id")
          .optional("autodesk_id")
          .optional("role")
          .optional("account_status", "status")
          .oneOf("email", "hashed_autodesk_id", "autodesk_id")
          .build();

  void read(Path file, String name, ReadContext ctx, List<SeatAssignment> out, RowLedger ledger) {
    CsvTable.read(
        file,
        name,
        SPEC,
        ledger,
        (line, f, h) -> {
          Optional<UserId> user = AccountRows.user(f, h, ctx);
          if (user.isEmpty()) {
            ledger.reject(line, AccountRows.userField(h), "no user: e-mail and ids are empty");
            return;
          }
          String cell = h.get(f, "product_name");
          List<ProductId> products = new java.util.ArrayList<>();
          for (String part : cell.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
              continue;
            }
            Optional<ProductId> id = ctx.resolver().byName(p);
            if (id.isEmpty()) {
              ledger.reject(line, "product_name", "unknown product '" + Limits.quote(p) + "'");
              return;
            }
            products.add(id.get());
          }
          for (ProductId p : products) {
            out.add(new SeatAssignment(user.get(), p));
          }
          ledger.accept();
        });
  }
}
