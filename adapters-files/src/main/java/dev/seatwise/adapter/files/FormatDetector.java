package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.UsageImportException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells a file's format from its first lines: {@code lmstat} output by its banner, a FlexLM log by
 * its {@code H:MM:SS (daemon)} lines, and a CSV by its header (see docs/import-formats.md for the
 * rules). Stateless.
 */
public final class FormatDetector {
  private static final int HEAD_LINES = 40;

  private FormatDetector() {}

  /**
   * The format of {@code file}.
   *
   * @throws UsageImportException when the file is empty, binary, unreadable or of no known format
   */
  public static ImportFormat detect(Path file) {
    return detect(file, file.toString());
  }

  static ImportFormat detect(Path file, String name) {
    List<String> head = TextInput.head(file, name, HEAD_LINES);
    int timed = 0;
    for (String line : head) {
      String s = line.strip();
      if (s.startsWith("lmutil") || LmstatReader.HEADER.matcher(line).matches()
          || s.startsWith("Users of ")) {
        return ImportFormat.LMSTAT;
      }
      if (s.startsWith("NOTE: lmstat -i")) {
        throw new UsageImportException(name + ": this is 'lmstat -i' output, which lists the "
            + "licence file but no usage; run 'lmutil lmstat -a' instead");
      }
      if (FlexlmLogReader.TIMED.matcher(line).matches()) {
        timed++;
      }
    }
    if (timed > 0) {
      return ImportFormat.FLEXLM_LOG;
    }
    List<String> header = CsvTable.firstRecord(file, name);
    Set<String> h = new HashSet<>();
    for (String col : header) {
      h.add(HeaderSpec.normalize(col));
    }
    if (h.contains("tokensconsumed") && (h.contains("tokenpool") || h.contains("pool"))) {
      return ImportFormat.AUTODESK_TOKEN_CONSUMPTION;
    }
    if (h.contains("dayused")) {
      boolean tokenExport = h.contains("tokensused")
          && (h.contains("feature") || !h.contains("productname"));
      return tokenExport ? ImportFormat.AUTODESK_TOKEN_USAGE : ImportFormat.AUTODESK_USAGE_EXPORT;
    }
    if (h.contains("daysused")) {
      return ImportFormat.AUTODESK_USAGE_REPORT;
    }
    if (h.contains("seatquantity") || (h.contains("offeringname") && h.contains("enddate"))) {
      return ImportFormat.AUTODESK_SUBSCRIPTIONS;
    }
    if (TokenLotsReader.SPEC.matches(header)) {
      return ImportFormat.TOKEN_LOTS;
    }
    if (SessionsCsvReader.SPEC.matches(header)) {
      return ImportFormat.SESSIONS_CSV;
    }
    if (h.contains("person") && (h.contains("flexlmuser") || h.contains("hashedid"))) {
      throw new UsageImportException(name + ": this is an identity map, not usage; pass it as the "
          + "identity map");
    }
    if (AutodeskUsersReader.SPEC.matches(header)) {
      return ImportFormat.AUTODESK_USERS;
    }
    throw new UsageImportException(
        name
            + ": cannot tell the format from the first line "
            + Limits.quote(header.toString())
            + "; expected a sessions CSV header "
            + SessionsCsvReader.SPEC.describe()
            + ", an Autodesk export header (day_used, Days used, seat_quantity, product_name, tokensConsumed, ...),"
            + " a token lots header (purchase_date, tokens, unit_price), a FlexLM debug log or lmstat -a"
            + " output; or name the format explicitly ("
            + labels()
            + ")");
  }

  private static String labels() {
    StringBuilder sb = new StringBuilder();
    for (ImportFormat f : ImportFormat.values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(f.label());
    }
    return sb.toString();
  }
}
