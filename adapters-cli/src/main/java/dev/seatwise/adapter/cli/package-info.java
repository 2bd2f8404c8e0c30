/**
 * The command-line front end: picocli commands that parse options, call one use case through {@link
 * dev.seatwise.adapter.cli.UseCases} and render its answer as a table, JSON or CSV. The composition
 * root (building adapters and services) is {@code .config}; the synthetic organisation of {@code
 * generate} is {@code .generate}.
 */
package dev.seatwise.adapter.cli;
