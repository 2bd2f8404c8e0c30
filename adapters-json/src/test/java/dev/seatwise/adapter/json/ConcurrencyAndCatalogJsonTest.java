package dev.seatwise.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatwise.adapter.json.mapping.JsonCatalogMapper;
import dev.seatwise.adapter.json.mapping.JsonConcurrencyMapper;
import dev.seatwise.application.port.in.CatalogSummary;
import dev.seatwise.application.port.in.ConcurrencyReport;
import dev.seatwise.application.port.in.ProductConcurrency;
import dev.seatwise.application.port.out.ImportReport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConcurrencyAndCatalogJsonTest {
  private final ObjectMapper json = JsonMapperFactory.create();

  @Test
  void concurrencyIsWrittenInTheDocumentedShape() throws Exception {
    ConcurrencyReport report =
        new ConcurrencyReport(
            Optional.empty(),
            ImportReport.EMPTY,
            List.of(
                new ProductConcurrency(
                    "ACD",
                    true,
                    6,
                    Optional.of(Instant.parse("2025-03-04T10:15:00Z")),
                    120,
                    9,
                    2,
                    4,
                    5,
                    Duration.ofMinutes(90),
                    Map.of("no licenses", 3L),
                    Optional.empty(),
                    6,
                    7),
                new ProductConcurrency(
                    "87000XYZ_2024_0F",
                    false,
                    1,
                    Optional.empty(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    Duration.ZERO,
                    Map.of(),
                    Optional.of(2L),
                    1)),
            List.of("n"));

    String text = json.writeValueAsString(JsonConcurrencyMapper.INSTANCE.toResponse(report));

    assertThat(text)
        .isEqualTo(
            "{\"import\":{\"rowsRead\":0,\"accepted\":0,\"rejected\":0,\"rejections\":[],\"files\":[]},"
                + "\"products\":["
                + "{\"product\":\"ACD\",\"mapped\":true,\"peak\":6,\"peakAt\":\"2025-03-04T10:15:00Z\","
                + "\"sessions\":120,\"distinctUsers\":9,\"p50\":2,\"p90\":4,\"p95\":5,\"timeAtPeak\":\"PT1H30M\",\"denials\":{\"no"
                + " licenses\":3},\"seatsNeeded\":6,\"peakDemand\":7},"
                + "{\"product\":\"87000XYZ_2024_0F\",\"mapped\":false,\"peak\":1,"
                + "\"sessions\":0,\"distinctUsers\":0,\"p50\":0,\"p90\":0,\"p95\":0,"
                + "\"timeAtPeak\":\"PT0S\",\"denials\":{},\"issued\":2,\"seatsNeeded\":1,\"peakDemand\":1}],"
                + "\"notes\":[\"n\"]}");
  }

  @Test
  void catalogsAreWrittenWithTheirVersions() throws Exception {
    var summary =
        new CatalogSummary(
            "autodesk", "Autodesk", "USD", List.of(LocalDate.of(2026, 1, 1)), "flex-window", 9, 3);

    String text = json.writeValueAsString(JsonCatalogMapper.INSTANCE.toResponse(List.of(summary)));

    assertThat(text)
        .isEqualTo(
            "{\"catalogs\":[{\"name\":\"autodesk\",\"vendor\":\"Autodesk\",\"currency\":\"USD\","
                + "\"versions\":[\"2026-01-01\"],\"meter\":\"flex-window\",\"products\":9,\"bundles\":3}]}");
  }
}
