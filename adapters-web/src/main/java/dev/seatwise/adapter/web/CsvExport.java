package dev.seatwise.adapter.web;

import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.ProductUsage;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.domain.catalog.ProductId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PLACEHOLDER per-user CSV until adapters-json's exporter lands. Cells that a spreadsheet would
 * run as a formula (starting with {@code = + - @}, tab or carriage return) are prefixed with a
 * single quote; every cell is quoted. Stateless.
 */
final class CsvExport {
  String users(Comparison c) {
    StringBuilder out = new StringBuilder();
    row(out, List.of("user", "products", "bundles", "named", "flex", "cost", "allNamedCost", "savings", "reason"));
    for (UserComparison u : c.users()) {
      row(
          out,
          List.of(
              u.user().value(),
              u.usage().stream()
                  .map(ProductUsage::product)
                  .map(ProductId::value)
                  .collect(Collectors.joining(" ")),
              join(u.bundles()),
              join(u.named()),
              join(u.flex()),
              u.cost().amount().toPlainString(),
              u.allNamedCost().amount().toPlainString(),
              u.savings().amount().toPlainString(),
              u.reason()));
    }
    return out.toString();
  }

  private static String join(List<ProductId> ids) {
    return ids.stream().map(ProductId::value).collect(Collectors.joining(" "));
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }

  private static boolean isNumber(String v) {
    return v.matches("-?\\d+(\\.\\d+)?");
  }
}
