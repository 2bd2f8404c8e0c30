/**
 * Tokens, token packs and lots: the cheapest pack purchase for a demand ({@link
 * dev.seatwise.domain.tokens.PackPricing}) and the replay of charges against expiring lots ({@link
 * dev.seatwise.domain.tokens.TokenLedger}).
 */
package dev.seatwise.domain.tokens;
