/**
 * Plans over time: what is held, by whom, from when to when ({@link dev.seatwise.domain.plan.Plan}),
 * evaluated against usage over a period ({@link dev.seatwise.domain.plan.PlanEvaluation}); today's
 * plan from the exports ({@link dev.seatwise.domain.plan.HeldPlan}) and its evaluation with the
 * purchase of what it leaves uncovered ({@link dev.seatwise.domain.plan.CurrentPlan}); the
 * exact cheapest token purchase schedule ({@link dev.seatwise.domain.plan.TokenPurchaseSchedule});
 * the cheapest mix of subscription terms ({@link dev.seatwise.domain.plan.TermMix}); pro-rating
 * and break-even.
 */
package dev.seatwise.domain.plan;
