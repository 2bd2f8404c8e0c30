/**
 * The composition root of the CLI: {@link dev.seatwise.adapter.cli.config.Main} builds the picocli
 * command line and {@link dev.seatwise.adapter.cli.config.Wiring} builds the file adapters and the
 * application services for each command run. The only package that may touch {@code
 * application.service}.
 */
package dev.seatwise.adapter.cli.config;
