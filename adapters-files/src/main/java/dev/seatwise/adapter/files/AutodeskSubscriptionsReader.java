package dev.seatwise.adapter.files;

import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.catalog.Term;
import dev.seatwise.domain.entitlement.Subscription;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Autodesk Account Subscriptions export ({@code contract_number, subscription_id, offering_name,
 * seat_quantity, start_date, end_date, term, subscription_status, ...}) into {@link Subscription}s:
 * {@code offering_name} is mapped to a product or bundle through the catalog's aliases, {@code
 * end_date} is the renewal date. A blank or unrecognised {@code term} is inferred from the dates
 * (about 1, 12 or 36 months). Every row is kept whatever its status.
 */
final class AutodeskSubscriptionsReader {
  static final HeaderSpec SPEC =
      HeaderSpec.builder("Autodesk Subscriptions export")
          .required("offering_name", "offering", "product_name", "product")
          .required("seat_quantity", "seats", "quantity")
          .required("start_date", "start")
          .required("end_date", "end", "renewal_date")
          .optional("subscription_id", "subscription", "serial_number")
          .optional("contract_number", "contract")
          .optional("term", "subscription_term", "billing_term")
          .build();

  void read(Path file, String name, ReadContext ctx, List<Subscription> out, RowLedger ledger) {
    CsvTable.read(
        file,
        name,
        SPEC,
        ledger,
        (line, f, h) -> {
          Optional<ProductId> offering =
              AccountRows.productOrReject(f, h, ctx, ledger, line, "offering_name");
          if (offering.isEmpty()) {
            return;
          }
          long seats;
          LocalDate start;
          LocalDate end;
          String field = "seat_quantity";
          try {
            seats = Values.count(h.get(f, "seat_quantity"), Limits.MAX_SEATS);
            field = "start_date";
            start = Values.date(h.get(f, "start_date"));
            field = "end_date";
            end = Values.date(h.get(f, "end_date"));
          } catch (Values.BadValue e) {
            ledger.reject(line, field, e.getMessage());
            return;
          }
          if (end.isBefore(start)) {
            ledger.reject(line, "end_date", "end " + end + " is before start " + start);
            return;
          }
          String termText = h.get(f, "term");
          Optional<Term> term = term(termText).or(() -> inferTerm(start, end));
          if (term.isEmpty()) {
            ledger.reject(line, "term", "unknown term '" + termText + "' and " + start + " to "
                + end + " is not about 1, 12 or 36 months");
            return;
          }
          String id = h.get(f, "subscription_id");
          if (id.isEmpty()) {
            String contract = h.get(f, "contract_number");
            id = (contract.isEmpty() ? name : contract) + "#" + line;
          }
          out.add(new Subscription(id, offering.get(), seats, term.get(), start, end,
              Optional.empty()));
          ledger.accept();
        });
  }

  static Optional<Term> term(String raw) {
    String t = raw.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    switch (t) {
      case "monthly": case "month": case "1month": case "1mo": case "m2m": case "1m":
        return Optional.of(Term.MONTHLY);
      case "annual": case "annually": case "yearly": case "year": case "1year": case "1yr":
      case "12months": case "1y":
        return Optional.of(Term.ANNUAL);
      case "3year": case "3years": case "threeyear": case "threeyears": case "3yr": case "36months":
      case "multiyear": case "3y":
        return Optional.of(Term.THREE_YEAR);
      default:
        return Optional.empty();
    }
  }

  static Optional<Term> inferTerm(LocalDate start, LocalDate end) {
    long months = Math.round(ChronoUnit.DAYS.between(start, end) / 30.44);
    if (months >= 1 && months <= 1) {
      return Optional.of(Term.MONTHLY);
    }
    if (months >= 11 && months <= 13) {
      return Optional.of(Term.ANNUAL);
    }
    if (months >= 35 && months <= 37) {
      return Optional.of(Term.THREE_YEAR);
    }
    return Optional.empty();
  }
}
