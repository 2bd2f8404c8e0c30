/** Outbound ports: where usage, catalogs and entitlements come from. Adapters implement them. */
package dev.seatwise.application.port.out;
