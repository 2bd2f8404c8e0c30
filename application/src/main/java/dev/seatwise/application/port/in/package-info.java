/** Inbound ports: one use case per interface, with the query records they take and the results they return. */
package dev.seatwise.application.port.in;
