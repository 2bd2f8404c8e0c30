package dev.seatwise.adapter.web;

import dev.seatwise.adapter.json.dto.CatalogsResponse;
import dev.seatwise.adapter.json.mapping.JsonCatalogMapper;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import java.util.List;
import java.util.Map;

/** Read-only endpoints: bundled catalogs, bundled examples, health. Thread-safe. */
public final class ReferenceEndpoints {
  private final WebUseCases useCases;

  public ReferenceEndpoints(WebUseCases useCases) {
    this.useCases = useCases;
  }

  /** One bundled example as listed by {@code GET /api/examples}. */
  public record ExampleDto(
      String name,
      String description,
      List<String> usage,
      List<String> entitlements,
      List<String> identities) {}

  @OpenApi(
      path = "/api/catalogs",
      methods = HttpMethod.GET,
      operationId = "listCatalogs",
      tags = {"reference"},
      summary = "The bundled catalogs (as the CLI's 'catalogs --output json'): vendor, currency, version dates, size",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = CatalogsResponse.class))})
  public void catalogs(Context ctx) {
    ctx.json(JsonCatalogMapper.INSTANCE.toResponse(useCases.catalogs().list()));
  }

  @OpenApi(
      path = "/api/examples",
      methods = HttpMethod.GET,
      operationId = "listExamples",
      tags = {"reference"},
      summary = "Bundled example data sets, usable as ?example=NAME on the analysis endpoints",
      responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = ExampleDto[].class))})
  public void examples(Context ctx) {
    ctx.json(
        useCases.examples().stream()
            .map(
                e ->
                    new ExampleDto(
                        e.name(),
                        e.description(),
                        names(e.usageResources()),
                        names(e.entitlementResources()),
                        names(e.identityResources())))
            .toList());
  }

  @OpenApi(
      path = "/api/health",
      methods = HttpMethod.GET,
      operationId = "health",
      tags = {"reference"},
      summary = "Liveness",
      responses = {@OpenApiResponse(status = "200")})
  public void health(Context ctx) {
    ctx.json(Map.of("status", "ok"));
  }

  private static List<String> names(List<String> resources) {
    return resources.stream().map(r -> r.substring(r.lastIndexOf('/') + 1)).toList();
  }
}
