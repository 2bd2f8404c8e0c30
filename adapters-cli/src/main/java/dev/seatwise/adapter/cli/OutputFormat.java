package dev.seatwise.adapter.cli;

/** How a command writes its answer to standard output. */
public enum OutputFormat {
  /** A table for people, at most 100 columns wide. */
  TABLE,
  /** The JSON contract (docs/json-contract.md). */
  JSON,
  /** CSV for spreadsheets, formula-safe. */
  CSV
}
