/**
 * The JSON and CSV output contract shared by seatwise's front ends (CLI and web), documented in
 * {@code docs/json-contract.md}: {@link dev.seatwise.adapter.json.JsonMapperFactory} (the one
 * {@code ObjectMapper} configuration), {@link dev.seatwise.adapter.json.CsvExporter} (formula-safe
 * CSV), {@link dev.seatwise.adapter.json.Pseudonyms} (privacy), the response records in {@code
 * .dto} and the MapStruct mappers in {@code .mapping}.
 */
package dev.seatwise.adapter.json;
