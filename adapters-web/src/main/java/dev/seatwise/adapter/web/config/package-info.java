/**
 * Composition root of the web front end: {@link dev.seatwise.adapter.web.config.WebMain} parses
 * the command line and starts the server; {@link dev.seatwise.adapter.web.config.WebComposition}
 * is the only class that constructs services and file adapters.
 */
package dev.seatwise.adapter.web.config;
