package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.CsvTable;
import dev.seatwise.adapter.json.Pseudonyms;
import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.adapter.json.dto.UsageDto;
import dev.seatwise.adapter.json.dto.UserDto;
import dev.seatwise.application.LicensingException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code seatwise explain USER}: one user's usage, optimal plan and the reason in numbers. */
@Command(
    name = "explain",
    header = "Why one user got their plan, in numbers.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Why USER got their plan: usage per product (days, Flex windows, tokens), the optimal",
      "assignment, its cost against all-named, and the reason in numbers. Takes the same options",
      "as compare, so the plan is the same one."
    },
    footer = {
      "",
      "Example:",
      "  seatwise explain ada.adams@acme.example --usage examples/acme-sessions.csv"
    })
public final class ExplainCommand extends AnalysisCommand {
  @Parameters(
      index = "0",
      paramLabel = "USER",
      description = "The user: exact id, any case, or a unique part of it.")
  String user;

  @Mixin CompareOptions compare;

  public ExplainCommand(UseCases useCases) {
    super(useCases);
  }

  @Override
  public Integer call() {
    Pseudonyms pseudonyms = input.privacy() ? pseudonyms() : null;
    ComparisonResponse all = ComparisonRun.run(useCases, input, compare, () -> pseudonyms);
    UserDto u = input.privacy() ? findPrivate(all.users(), user, pseudonyms) : find(all.users(), user);
    switch (output.format()) {
      case JSON:
        printJson(u);
        break;
      case CSV:
        List<List<Object>> rows = new ArrayList<>();
        for (UsageDto p : u.usage()) {
          rows.add(List.of(u.user(), p.product(), p.daysUsed(), p.windows(), p.tokens()));
        }
        printCsv(new CsvTable(List.of("user", "product", "days_used", "windows", "tokens"), rows));
        break;
      default:
        table(all, u, out());
        out().flush();
    }
    return 0;
  }

  /**
   * In privacy mode users are listed by pseudonym: {@code wanted} is the user's real id (exact), or
   * the pseudonym printed (exact, any case, or a unique part), which is stable across runs only
   * under the same {@code SEATWISE_PRIVACY_KEY}.
   */
  private static UserDto findPrivate(List<UserDto> users, String wanted, Pseudonyms pseudonyms) {
    String byId = pseudonyms.of(wanted);
    for (UserDto u : users) {
      if (u.user().equals(byId)) {
        return u;
      }
    }
    try {
      return find(users, wanted);
    } catch (LicensingException e) {
      String key = environment.apply(PRIVACY_KEY_VARIABLE);
      throw new LicensingException(
          e.getMessage()
              + (key == null || key.isEmpty()
                  ? "; in privacy mode give the user's id, or set " + PRIVACY_KEY_VARIABLE
                      + " so that the pseudonyms printed stay the same from run to run"
                  : "; in privacy mode give the user's id or the pseudonym printed under the same "
                      + PRIVACY_KEY_VARIABLE));
    }
  }

  private static UserDto find(List<UserDto> users, String wanted) {
    for (UserDto u : users) {
      if (u.user().equals(wanted)) {
        return u;
      }
    }
    String w = wanted.toLowerCase(Locale.ROOT);
    List<UserDto> partial = new ArrayList<>();
    for (UserDto u : users) {
      String id = u.user().toLowerCase(Locale.ROOT);
      if (id.equals(w)) {
        return u;
      }
      if (id.contains(w)) {
        partial.add(u);
      }
    }
    if (partial.size() == 1) {
      return partial.get(0);
    }
    if (partial.isEmpty()) {
      throw new LicensingException(
          "no user '" + wanted + "' in the usage (" + users.size() + " users)");
    }
    List<String> names = new ArrayList<>();
    for (UserDto u : partial.subList(0, Math.min(5, partial.size()))) {
      names.add(u.user());
    }
    throw new LicensingException(
        "'"
            + wanted
            + "' matches "
            + partial.size()
            + " users, e.g. "
            + String.join(", ", names)
            + "; give more of the id");
  }

  private static void table(ComparisonResponse r, UserDto u, PrintWriter out) {
    Text.sentence(
        out,
        String.format(
            "%s, %s to %s (%s, %s)",
            u.user(), r.period().from(), r.period().to(), Text.days(r.period().days()), r.currency()));
    Text.sentence(
        out,
        String.format(
            "Optimal plan: %s. Cost %s; all-named %s; saves %s.",
            ComparisonTable.plan(u.assignment()),
            Text.money(u.cost()),
            Text.money(u.allNamedCost()),
            Text.money(u.savings())));
    out.println();
    out.println(
        Text.left("PRODUCT", 12)
            + " "
            + Text.right("DAYS USED", 10)
            + " "
            + Text.right("FLEX WINDOWS", 13)
            + " "
            + Text.right("TOKENS", 10));
    for (UsageDto p : u.usage()) {
      out.println(
          Text.left(p.product(), 12)
              + " "
              + Text.right(Text.count(p.daysUsed()), 10)
              + " "
              + Text.right(Text.count(p.windows()), 13)
              + " "
              + Text.right(Text.count(p.tokens()), 10));
    }
    out.println();
    out.println("Why:");
    for (String part : reasons(u.reason())) {
      for (String line : Text.wrap(part, Text.WIDTH, "  - ", "    ")) {
        out.println(line);
      }
    }
  }

  /**
   * The products' reasons joined by {@code "; "}, one each: split only outside brackets, since a
   * product's own reason may hold {@code "; "} inside its brackets ({@code (monthly ... ; 246.77 of
   * it in the period (pro rata))}).
   */
  static List<String> reasons(String reason) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < reason.length(); i++) {
      char c = reason.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && reason.startsWith("; ", i)) {
        parts.add(reason.substring(from, i));
        from = i + 2;
        i++;
      }
    }
    parts.add(reason.substring(from));
    return parts;
  }
}
