/**
 * Plans over time: what is held, by whom, from when to when ({@link dev.seatwise.domain.plan.Plan}),
 * evaluated against usage over a period ({@link dev.seatwise.domain.plan.PlanEvaluation}); the
 * exact cheapest token purchase schedule ({@link dev.seatwise.domain.plan.TokenPurchaseSchedule});
 * the cheapest mix of subscription terms ({@link dev.seatwise.domain.plan.TermMix}); pro-rating
 * and break-even.
 */
package dev.seatwise.domain.plan;
