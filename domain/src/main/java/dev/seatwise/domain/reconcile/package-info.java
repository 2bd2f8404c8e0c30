/**
 * Reconciliation: what Flex charged (the Autodesk Token Usage export, per day, user and product)
 * set beside what the replay of the same people's usage charges, with the likely rule behind each
 * difference.
 */
package dev.seatwise.domain.reconcile;
