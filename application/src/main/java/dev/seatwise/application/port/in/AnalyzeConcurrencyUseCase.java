package dev.seatwise.application.port.in;

/** Concurrency and service-level sizing from network (FlexLM) data. */
public interface AnalyzeConcurrencyUseCase {
  ConcurrencyReport analyze(ConcurrencyQuery query);
}
