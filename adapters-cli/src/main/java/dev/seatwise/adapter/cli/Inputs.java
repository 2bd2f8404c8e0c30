package dev.seatwise.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a command reads: usage files (and a format that overrides detection), the catalog (a bundled
 * name or a file), entitlement exports, token lots CSVs, an identity map, the zone of local times,
 * strict and privacy modes, stated Flex rates of collection checkouts ({@code --collection-rate},
 * collection to tokens or to a member product), and who hears about the import. Immutable; nothing
 * is null.
 */
public record Inputs(
    List<Path> usage,
    Optional<String> usageFormat,
    String catalog,
    List<Path> entitlements,
    List<Path> lots,
    Optional<Path> identities,
    ZoneId zone,
    boolean strict,
    boolean privacy,
    Map<String, String> collectionRates,
    ImportObserver observer) {
  public Inputs {
    usage = List.copyOf(usage);
    requireNonNull(usageFormat, "usageFormat");
    requireNonNull(catalog, "catalog");
    entitlements = List.copyOf(entitlements);
    lots = List.copyOf(lots);
    requireNonNull(identities, "identities");
    requireNonNull(zone, "zone");
    collectionRates = Map.copyOf(collectionRates);
    requireNonNull(observer, "observer");
  }
}
