package dev.seatwise.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatwise.adapter.json.mapping.JsonComparisonMapper;
import org.junit.jupiter.api.Test;

class PseudonymsTest {
  @Test
  void theSameIdGetsTheSamePseudonymUnderOneKey() {
    Pseudonyms p = Pseudonyms.withKey("k");

    assertThat(p.of("a@example.com")).isEqualTo(p.of("a@example.com")).matches("user-[0-9a-f]{12}");
    assertThat(p.of("a@example.com")).isNotEqualTo(p.of("b@example.com"));
  }

  @Test
  void anotherKeyGivesAnotherPseudonym() {
    assertThat(Pseudonyms.withKey("k").of("a")).isNotEqualTo(Pseudonyms.withKey("l").of("a"));
  }

  @Test
  void noUserIdentifierSurvivesInAPseudonymisedResponse() throws Exception {
    var response = JsonComparisonMapper.INSTANCE.toResponse(ComparisonJsonTest.sample());

    String text =
        JsonMapperFactory.create().writeValueAsString(Pseudonyms.random().apply(response));

    assertThat(text).doesNotContain("a@example.com").contains("\"user\":\"user-");
  }
}
