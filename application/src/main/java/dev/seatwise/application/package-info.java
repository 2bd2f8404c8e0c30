/** seatwise's application layer: use cases (inbound ports), outbound ports, and the services that orchestrate the domain. */
package dev.seatwise.application;
