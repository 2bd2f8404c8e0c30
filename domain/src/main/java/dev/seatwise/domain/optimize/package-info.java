/**
 * The exact cheapest hybrid: per user a bundle or none, and per remaining product named or Flex,
 * minimising subscriptions plus the cheapest pack purchase of all Flex tokens together.
 */
package dev.seatwise.domain.optimize;
