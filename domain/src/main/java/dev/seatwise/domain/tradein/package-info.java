/**
 * The 2-for-1 trade-in of legacy network seats: who the network users are is the caller's question
 * (by the one dated seat rule); what each way to go costs a year, who takes the traded seats and
 * which ways are on offer on a date are answered here ({@link TradeInAssessment}).
 */
package dev.seatwise.domain.tradein;
