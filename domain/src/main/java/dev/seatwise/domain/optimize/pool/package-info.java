/**
 * The pool-aware optimum for a vendor whose cost is driven by the peak of concurrent tokens: which
 * users get named seats and how large the pool for the rest must be, with a service level, exact (a
 * branch and bound with a proven lower bound) and explained per user.
 */
package dev.seatwise.domain.optimize.pool;
