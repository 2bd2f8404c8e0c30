package dev.seatwise.adapter.files;

import dev.seatwise.application.port.out.UsageImportException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a file's format from its first lines: {@code lmstat} and the other licence managers'
 * status outputs (RLM, LM-X, DSLS, LS-DYNA, OLicense) by their banners, a FlexLM log by
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
    if (TextInput.isZip(file)) {
      return detectWorkbook(file, name);
    }
    List<String> head = TextInput.head(file, name, HEAD_LINES);
    int timed = 0;
    for (String line : head) {
      Optional<ImportFormat> status = statusOutput(line);
      if (status.isPresent()) {
        return status.get();
      }
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
    if (JsonTable.isJson(file, name)) {
      List<String> keys = JsonTable.header(file, name);
      return byHeader(keys, name)
          .filter(f -> f == ImportFormat.AUTODESK_INSIGHTS_USAGE)
          .orElseThrow(
              () ->
                  new UsageImportException(
                      name + ": a JSON file of no known format (fields " + keys + "); seatwise"
                          + " reads the Autodesk Insights usage export as JSON ("
                          + AutodeskInsightsUsageReader.SPEC.describe() + ")"));
    }
    List<String> header = CsvTable.firstRecord(file, name);
    return byHeader(header, name).orElseThrow(() -> unknown(header, name));
  }

  /**
   * The format of an Excel workbook: that of the first sheet whose header is an Autodesk export's
   * (the users of a Usage Report workbook are on its second sheet).
   */
  private static ImportFormat detectWorkbook(Path file, String name) {
    List<List<String>> headers = XlsxTable.headers(file, name);
    for (List<String> header : headers) {
      Optional<ImportFormat> f = byHeader(header, name);
      if (f.isPresent() && f.get() != ImportFormat.SESSIONS_CSV) {
        return f.get();
      }
    }
    throw new UsageImportException(
        name + ": no sheet of this workbook has the header of an Autodesk export (found "
            + headers + "); seatwise reads Autodesk exports as .xlsx, and its own sessions"
            + " file, logs and lmstat output only as text");
  }

  /**
   * The format a header row names, if any.
   *
   * @throws UsageImportException when the header is an identity map's
   */
  private static Optional<ImportFormat> byHeader(List<String> header, String name) {
    Set<String> h = new HashSet<>();
    for (String col : header) {
      h.add(HeaderSpec.normalize(col));
    }
    if (h.contains("tokensconsumed") && (h.contains("tokenpool") || h.contains("pool"))) {
      return Optional.of(ImportFormat.AUTODESK_TOKEN_CONSUMPTION);
    }
    if (h.contains("productname") && (h.contains("usagedate") || h.contains("usagemonth"))
        && (h.contains("hasheduserid") || h.contains("emailaddress") || h.contains("userid")
            || h.contains("childproductname"))) {
      return Optional.of(ImportFormat.AUTODESK_INSIGHTS_USAGE);
    }
    if (h.contains("dayused")) {
      boolean tokenExport = h.contains("tokensused")
          && (h.contains("feature") || !h.contains("productname"));
      return Optional.of(tokenExport ? ImportFormat.AUTODESK_TOKEN_USAGE : ImportFormat.AUTODESK_USAGE_EXPORT);
    }
    if (h.contains("daysused")) {
      return Optional.of(ImportFormat.AUTODESK_USAGE_REPORT);
    }
    if (h.contains("seatquantity") || (h.contains("offeringname") && h.contains("enddate"))) {
      return Optional.of(ImportFormat.AUTODESK_SUBSCRIPTIONS);
    }
    if (TokenLotsReader.SPEC.matches(header)) {
      return Optional.of(ImportFormat.TOKEN_LOTS);
    }
    if (SessionsCsvReader.SPEC.matches(header)) {
      return Optional.of(ImportFormat.SESSIONS_CSV);
    }
    if (h.contains("person") && (h.contains("flexlmuser") || h.contains("hashedid"))) {
      throw new UsageImportException(name + ": this is an identity map, not usage; pass it as the "
          + "identity map");
    }
    if (AutodeskUsersReader.SPEC.matches(header)) {
      return Optional.of(ImportFormat.AUTODESK_USERS);
    }
    return Optional.empty();
  }

  private static UsageImportException unknown(List<String> header, String name) {
    return new UsageImportException(
        name
            + ": cannot tell the format from the first line "
            + Limits.quote(header.toString())
            + "; expected a sessions CSV header "
            + SessionsCsvReader.SPEC.describe()
            + ", an Autodesk export header (day_used, Days used, seat_quantity, product_name,"
            + " tokensConsumed, usageDate, ...), a token lots header (purchase_date, tokens,"
            + " unit_price), a FlexLM debug log, or the status output of lmstat -a, rlmstat -a,"
            + " lmxendutil -licstat, DSLicSrv -admin, lstc_qrun or olixtool; or name the format"
            + " explicitly ("
            + labels()
            + ")");
  }

  /** A licence manager's status output, told by its banner or column heads. */
  private static Optional<ImportFormat> statusOutput(String line) {
    String s = line.strip();
    if (s.startsWith("rlmutil v") || RlmstatReader.BANNER.matcher(line).matches()) {
      return Optional.of(ImportFormat.RLMSTAT);
    }
    if (s.startsWith("LM-X End-user Utility") || LmxStatusReader.BANNER.matcher(line).matches()) {
      return Optional.of(ImportFormat.LMX_LICSTAT);
    }
    if (DslsUsageReader.BANNER.matcher(line).matches() || DslsUsageReader.HEADER.matcher(line).matches()) {
      return Optional.of(ImportFormat.DSLS_USAGE);
    }
    if (LstcQrunReader.HEAD.matcher(line).matches()) {
      return Optional.of(ImportFormat.LSTC_QRUN);
    }
    if (OlixtoolReader.BANNER.matcher(line).matches() && s.contains("OLicense")) {
      return Optional.of(ImportFormat.OLIXTOOL);
    }
    return Optional.empty();
  }

  private static String labels() {
    StringBuilder sb = new StringBuilder();
    for (ImportFormat f : ImportFormat.values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(f.label());
    }
    return sb.toString();
  }
}
