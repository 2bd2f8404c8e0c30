package dev.seatwise.application.service;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A task run beside the calling thread: on one daemon thread started for it when more than one
 * processor is available, else on the calling thread when {@link #join()} asks for it. A use case
 * uses it to work out independent parts of one answer on two cores (as the replay does its bands,
 * domain {@code ColumnarFlexReplay}); each part writes only its own results, which the caller
 * joins in a fixed order, so the answer does not depend on the threads' timing. Bounded: one
 * thread per fork, joined before the use case returns.
 */
final class Forked<T> {
  /** Whether forks run on threads of their own (at least two processors). */
  static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;

  private final FutureTask<T> task;
  private final boolean started;

  private Forked(FutureTask<T> task, boolean started) {
    this.task = task;
    this.started = started;
  }

  /** Starts {@code work} on a thread named {@code name} (or defers it to {@link #join()}). */
  static <T> Forked<T> start(String name, Callable<T> work) {
    return start(name, work, PARALLEL);
  }

  /** As {@link #start(String, Callable)}, on a thread of its own only when {@code parallel}. */
  static <T> Forked<T> start(String name, Callable<T> work, boolean parallel) {
    FutureTask<T> task = new FutureTask<>(work);
    if (parallel) {
      Thread t = new Thread(task, "seatwise-" + name);
      t.setDaemon(true);
      t.start();
    }
    return new Forked<>(task, parallel);
  }

  /**
   * The task's result, waiting for it (running it here if it was not started); its failure is
   * thrown here as it was thrown there (unchecked exceptions and errors as they are).
   */
  T join() {
    if (!started) {
      task.run();
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
