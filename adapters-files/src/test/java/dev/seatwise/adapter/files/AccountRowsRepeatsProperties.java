package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link AccountRows.Repeats#user}, which works a person out once per e-mail cell, names the same
 * user on every row as {@link AccountRows#user} does row by row: e-mails in other cases and with
 * spaces, masked and empty cells, hashed and Autodesk ids beside an e-mail or alone, with and
 * without the identity map, with and without privacy.
 */
class AccountRowsRepeatsProperties {
  private static final List<String> EMAILS =
      List.of("john.smith@example.com", "John.Smith@Example.com", " mei.lee@example.com ",
          "mei.lee@example.com", "tom.nguyen@example.com", "*****", "");
  private static final List<String> IDS = List.of("", "", "5f0c2a9d71e34b1f", "ABC123", "*****");
  private static final HeaderSpec.Header HEADER =
      AutodeskTokenUsageReader.SPEC.bind(
          List.of("Day used", "Email", "Hashed Autodesk ID", "Autodesk ID", "Product", "Tokens used"),
          "test.csv");

  private static Gen<List<String>> rows() {
    return Generate.pick(EMAILS)
        .zip(Generate.pick(IDS), Generate.pick(IDS),
            (email, hashed, id) -> List.of("2026-03-02", email, hashed, id, "ACD", "7"));
  }

  @Test
  void eachRowNamesTheUserItsCellsName() {
    IdentityMap map = IdentityMap.read(Fixtures.path("fixtures/identity-map.csv"));
    qt().forAll(lists().of(rows()).ofSizeBetween(1, 40), booleans().all(), booleans().all())
        .checkAssert(
            (rows, withMap, privacy) -> {
              ImportOptions options = ImportOptions.defaults().withPrivacy(privacy);
              ReadContext ctx =
                  new ReadContext(
                      FastSessionsCsvReaderProperties.RESOLVER,
                      withMap ? options.withIdentity(map) : options);
              AccountRows.Repeats repeats = new AccountRows.Repeats();
              for (List<String> row : rows) {
                assertThat(repeats.user(row, HEADER, ctx))
                    .as("%s", row)
                    .isEqualTo(AccountRows.user(row, HEADER, ctx));
              }
            });
  }
}
