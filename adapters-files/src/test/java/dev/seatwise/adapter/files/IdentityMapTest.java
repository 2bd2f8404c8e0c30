package dev.seatwise.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatwise.application.port.out.UsageImportException;
import dev.seatwise.domain.usage.UserId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityMapTest {
  private final IdentityMap map = IdentityMap.read(Fixtures.path("fixtures/identity-map.csv"));

  @Test
  void oneIsOneUserAcrossFlexlmLoginsEmailsAndHashedIds() {
    assertThat(map.flexlmUser("JSMITH", "any-host", false)).isEqualTo(UserId.of("John Smith"));
    assertThat(map.accountUser(Optional.of("John.Smith@Example.com"), Optional.empty(), false))
        .isEqualTo(UserId.of("John Smith"));
    assertThat(map.accountUser(Optional.empty(), Optional.of("5f0c2a9d71e34b1f"), false))
        .isEqualTo(UserId.of("John Smith"));
    assertThat(map.anyUser("jsmith", false)).isEqualTo(UserId.of("John Smith"));
  }

  @Test
  void aLoginWithAHostMatchesOnlyOnThatHost() {
    assertThat(map.flexlmUser("mlee", "ws-arch-022", false)).isEqualTo(UserId.of("Mei Lee"));
    assertThat(map.flexlmUser("mlee", "WS-OTHER", false)).isEqualTo(UserId.of("mlee"));
    assertThat(map.flexlmUser("mlee-admin", "anywhere", false)).isEqualTo(UserId.of("Mei Lee"));
  }

  @Test
  void privacyModeOutputsTheHashedIdOfPersonsThatHaveOne() {
    assertThat(map.flexlmUser("jsmith", "h", true)).isEqualTo(UserId.of("5f0c2a9d71e34b1f"));
    assertThat(map.accountUser(Optional.of("john.smith@example.com"), Optional.empty(), true))
        .isEqualTo(UserId.of("5f0c2a9d71e34b1f"));
    assertThat(map.flexlmUser("mlee", "WS-ARCH-022", true)).isEqualTo(UserId.of("Mei Lee"));
  }

  @Test
  void privacyModeNeverReplacesAnUnmappedHashedIdByAnEmail() {
    Optional<String> mail = Optional.of("someone@example.com");
    Optional<String> hashed = Optional.of("ab12cd34");
    assertThat(IdentityMap.EMPTY.accountUser(mail, hashed, true)).isEqualTo(UserId.of("ab12cd34"));
    assertThat(IdentityMap.EMPTY.accountUser(mail, hashed, false)).isEqualTo(UserId.of("someone@example.com"));
    assertThat(IdentityMap.EMPTY.accountUser(Optional.empty(), hashed, false)).isEqualTo(UserId.of("ab12cd34"));
  }

  @Test
  void personsCarryTeamAndCostCentre() {
    Person john = map.person(UserId.of("John Smith")).orElseThrow();
    assertThat(john.team()).contains("Architecture");
    assertThat(john.costCentre()).contains("CC-100");
    assertThat(map.person(UserId.of("5f0c2a9d71e34b1f"))).contains(john);
    assertThat(map.persons()).extracting(Person::name).containsExactly("John Smith", "Mei Lee");
  }

  @Test
  void aLoginMappedToTwoPersonsIsAnErrorNamingTheLine() {
    assertThatThrownBy(() -> IdentityMap.read(Fixtures.path("fixtures/identity-map-conflict.csv")))
        .isInstanceOf(UsageImportException.class)
        .hasMessageEndingWith("identity-map-conflict.csv:3 [flexlm_user]: 'jsmith' is already mapped to person 'John Smith'");
  }
}
