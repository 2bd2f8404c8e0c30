/**
 * Vendor catalogs as data: products, bundles, named-user and network-seat prices per term, Flex
 * rates, token packs and metering parameters, versioned by effective date.
 */
package dev.seatwise.domain.catalog;
