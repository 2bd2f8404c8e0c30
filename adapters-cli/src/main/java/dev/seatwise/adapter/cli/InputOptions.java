package dev.seatwise.adapter.cli;

import dev.seatwise.application.port.in.PeriodSpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every analysis command shares: what to read and over which period. */
public final class InputOptions {
  /** The catalog read without {@code --catalog}. */
  public static final String DEFAULT_CATALOG = "autodesk";

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--usage",
      paramLabel = "FILE",
      required = true,
      description =
          "Usage to analyse; repeat for several files. The format is detected: sessions CSV,"
              + " Autodesk usage / Usage Report / Token Usage export, FlexLM debug log, status"
              + " output of lmstat -a, rlmstat -a, lmxendutil -licstat, DSLicSrv -admin, lstc_qrun"
              + " or olixtool.")
  List<Path> usage = new ArrayList<>();

  @Option(
      names = "--usage-format",
      paramLabel = "FORMAT",
      description =
          "Read every --usage file as FORMAT instead of detecting it (e.g. sessions-csv,"
              + " flexlm-log).")
  String usageFormat;

  @Option(
      names = "--catalog",
      paramLabel = "FILE|NAME",
      defaultValue = DEFAULT_CATALOG,
      description =
          "Price catalog: a bundled name or a YAML file with your own prices (default:"
              + " ${DEFAULT-VALUE}).")
  String catalog;

  @Option(
      names = "--entitlements",
      paramLabel = "FILE",
      description =
          "Autodesk Subscriptions or Users export (today's plan), or a token lots CSV; repeatable."
              + " Enables the 'current' scenario.")
  List<Path> entitlements = new ArrayList<>();

  @Option(
      names = "--lots",
      paramLabel = "FILE",
      description =
          "Token lots CSV (purchase_date, tokens, unit_price[, currency, expires, lot_id]): the"
              + " Flex tokens held; repeatable. Today's plan draws on them first.")
  List<Path> lots = new ArrayList<>();

  @Option(
      names = "--identities",
      paramLabel = "FILE",
      description =
          "Identity map CSV (flexlm_user, host, email, hashed_id -> person, team, cost_centre) so"
              + " one person is one user; team and cost_centre are the groups of compare --by.")
  Path identities;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description =
          "First day analysed (YYYY-MM-DD); default: first day of the data (compare: at most a"
              + " year before --to).")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description =
          "Day after the last day analysed: the period is [from, to). Default: day after the data"
              + " (compare: at least a year after --from).")
  LocalDate to;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "Time zone of days and of local times in logs (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(
      names = "--strict",
      description = "Stop at the first bad input row instead of rejecting it and going on.")
  boolean strict;

  @Option(
      names = "--collection-rate",
      paramLabel = "COLLECTION=TOKENS|MEMBER",
      description =
          "Flex tokens one 24 h window of a collection checkout costs, as a number or as the"
              + " member product whose rate applies (e.g. AECCOL=RVT); repeatable. Default: the"
              + " catalog's flexTokensPerDay for the collection, else the dearest member the user"
              + " used in the same window, else the dearest member.")
  Map<String, String> collectionRates = new LinkedHashMap<>();

  @Option(
      names = "--privacy",
      description =
          "Keep hashed ids hashed and show every user as a pseudonym (user-<hex>). Set "
              + "SEATWISE_PRIVACY_KEY to get the same pseudonyms across runs.")
  boolean privacy;

  /** The inputs, validated; {@code observer} hears the import. */
  Inputs inputs(UseCases useCases, ImportObserver observer) {
    if (usageFormat != null
        && !useCases
            .usageFormats()
            .contains(usageFormat.strip().toLowerCase(java.util.Locale.ROOT))) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--usage-format': '"
              + usageFormat
              + "' (expected one of "
              + String.join(", ", useCases.usageFormats())
              + ")");
    }
    return new Inputs(
        usage,
        Optional.ofNullable(usageFormat).map(s -> s.strip().toLowerCase(java.util.Locale.ROOT)),
        catalog,
        entitlements,
        lots,
        Optional.ofNullable(identities),
        zone,
        strict,
        privacy,
        collectionRates,
        observer);
  }

  /** The requested period; a usage error when {@code --to} is not after {@code --from}. */
  PeriodSpec period() {
    if (from != null && to != null && !to.isAfter(from)) {
      throw new ParameterException(
          spec.commandLine(),
          "--to " + to + " must be after --from " + from + ": the period is [from, to)");
    }
    return new PeriodSpec(Optional.ofNullable(from), Optional.ofNullable(to), zone);
  }

  ZoneId zone() {
    return zone;
  }

  boolean privacy() {
    return privacy;
  }
}
