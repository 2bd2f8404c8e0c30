/**
 * The web front end: a JSON API over the use cases (the same contract as the CLI's JSON), its
 * OpenAPI description, and one static page that charts the answer. The composition root is {@code
 * dev.seatwise.adapter.web.config}; nothing else here knows the services or the file adapters.
 */
package dev.seatwise.adapter.web;
