/** Services implementing the use cases by orchestrating the domain; the composition roots in the adapters wire them to ports. */
package dev.seatwise.application.service;
