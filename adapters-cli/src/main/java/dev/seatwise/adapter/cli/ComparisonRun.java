package dev.seatwise.adapter.cli;

import dev.seatwise.adapter.json.Pseudonyms;
import dev.seatwise.adapter.json.dto.ComparisonResponse;
import dev.seatwise.adapter.json.mapping.JsonComparisonMapper;
import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.Comparison;
import dev.seatwise.application.port.in.UserComparison;
import dev.seatwise.application.port.out.GroupBy;
import dev.seatwise.application.port.out.ImportReport;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.usage.UserId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One run of the compare use case as {@code compare} and {@code explain} make it: read with a
 * progress bar, add what the import said besides its report (entitlement files, notes), note pins
 * that match no user, and apply privacy mode (the pseudonyms are asked for only then: a random key
 * starts {@code SecureRandom}).
 */
final class ComparisonRun {
  private ComparisonRun() {}

  static ComparisonResponse run(
      UseCases useCases,
      InputOptions input,
      CompareOptions options,
      Supplier<Pseudonyms> pseudonyms) {
    return run(useCases, input, options, pseudonyms, Optional.empty());
  }

  /** The same, with every scenario's cost split by {@code breakdown} when given. */
  static ComparisonResponse run(
      UseCases useCases,
      InputOptions input,
      CompareOptions options,
      Supplier<Pseudonyms> pseudonyms,
      Optional<GroupBy> breakdown) {
    Catalog catalog = useCases.catalog(input.catalog).latest();
    CompareScenariosQuery asked = options.query(input.period(), catalog);
    CompareScenariosQuery query = breakdown.map(asked::withBreakdown).orElse(asked);
    Comparison c;
    List<String> notes;
    ImportReport otherFiles;
    try (ImportTracker tracker = ImportTracker.forFiles(input.usage)) {
      c = useCases.compareScenarios(input.inputs(useCases, tracker)).compare(query);
      tracker.step("done");
      notes = new ArrayList<>(c.notes());
      notes.addAll(tracker.notes());
      otherFiles = tracker.otherFilesReport();
    }
    Set<UserId> known = new HashSet<>();
    for (UserComparison u : c.users()) {
      known.add(u.user());
    }
    for (String pinned : options.pinnedUsers()) {
      if (!known.contains(UserId.of(pinned))) {
        notes.add(
            "pin for '"
                + pinned
                + "' matched no user in the usage (ids are compared exactly; "
                + "Autodesk exports give e-mails in lower case)");
      }
    }
    Comparison all = c.withImport(c.importReport().plus(otherFiles), notes);
    ComparisonResponse response = JsonComparisonMapper.INSTANCE.toResponse(all);
    return input.privacy() ? pseudonyms.get().apply(response) : response;
  }
}
