/**
 * Catalogs as YAML files ({@link dev.seatwise.adapter.files.catalog.YamlCatalogAdapter}), the
 * bundled {@code autodesk} catalog, and the adapter-side {@link
 * dev.seatwise.adapter.files.catalog.ProductResolver} that maps export names and FlexLM feature
 * names to catalog products.
 */
package dev.seatwise.adapter.files.catalog;
