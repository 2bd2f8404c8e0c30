package dev.seatwise.adapter.web;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A bundled example data set: its name, a description, and its usage, entitlements and identity
 * files as class-path resources. Immutable; nothing is null.
 */
public record ExampleData(
    String name,
    String description,
    List<String> usageResources,
    List<String> entitlementResources,
    List<String> identityResources) {
  public ExampleData {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    usageResources = List.copyOf(usageResources);
    entitlementResources = List.copyOf(entitlementResources);
    identityResources = List.copyOf(identityResources);
  }
}
