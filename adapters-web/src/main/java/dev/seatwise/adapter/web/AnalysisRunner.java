package dev.seatwise.adapter.web;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs analyses on a bounded pool so that a request's time is bounded and the machine is not
 * oversubscribed: at most {@code workers} at once, at most {@code queue} waiting; a request that
 * waits and runs longer than the timeout is answered 503 and its analysis is cancelled. Thread-safe.
 */
public final class AnalysisRunner implements AutoCloseable {
  private final ThreadPoolExecutor pool;
  private final Duration timeout;

  public AnalysisRunner(int workers, int queue, Duration timeout) {
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(Math.max(1, queue)),
            r -> {
              Thread t = new Thread(r, "seatwise-analysis-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.timeout = timeout;
  }

  /** Runs {@code task}, rethrowing its unchecked failure as is. */
  public <T> T run(Supplier<T> task) {
    return run(task, -1);
  }

  /**
   * Runs {@code task} on {@code inputBytes} of uploads (-1 when unknown), rethrowing its unchecked
   * failure as is; running out of memory is answered 413 with the size and the heap limit.
   */
  public <T> T run(Supplier<T> task, long inputBytes) {
    Future<T> future;
    try {
      future = pool.submit(task::get);
    } catch (RejectedExecutionException e) {
      throw new ApiProblem(
          503, "Busy", "too many analyses are waiting; try again in a moment");
    }
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ApiProblem(
          503,
          "Analysis took too long",
          "the analysis did not finish within "
              + timeout.toSeconds()
              + " s (--timeout-seconds); try a shorter period or fewer files");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ApiProblem(503, "Interrupted", "the server is stopping");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof OutOfMemoryError) {
        throw new ApiProblem(413, "Too large to analyse", outOfMemory(inputBytes));
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** What to say when an analysis ran out of memory: the size and the heap limit. */
  static String outOfMemory(long inputBytes) {
    long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return "the analysis"
        + (inputBytes >= 0 ? " of " + (inputBytes / 1024 + 1) + " KB of uploads" : "")
        + " needed more memory than the server's Java heap allows (at most " + heapMb
        + " MB); send fewer or smaller files, or restart the server with a larger heap, e.g."
        + " java -Xmx4g -jar seatwise-web.jar";
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
