package dev.seatwise.adapter.web;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs analyses on a bounded pool so that a request's time is bounded and the machine is not
 * oversubscribed: at most {@code workers} at once, at most {@code queue} waiting in one
 * first-come-first-served line (so a request waits only behind those that came before it); past
 * the line's bound a request is answered 503 with {@code Retry-After}. A request that waits and
 * runs longer than the timeout is answered 503 and its analysis is cancelled. Thread-safe.
 */
public final class AnalysisRunner implements AutoCloseable {
  private final ThreadPoolExecutor pool;
  private final Duration timeout;
  private final ScheduledExecutorService deadlines;
  /** Tasks handed to the pool, and tasks the pool has started: their difference is the line. */
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong started = new AtomicLong();
  private final ThreadLocal<Long> runStart = ThreadLocal.withInitial(() -> 0L);
  private final AtomicLong meanRunMs = new AtomicLong();
  private final int workers;

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
            }) {
          @Override
          protected void beforeExecute(Thread t, Runnable r) {
            started.incrementAndGet(); // also for a task cancelled while it waited
            runStart.set(System.nanoTime());
          }

          @Override
          protected void afterExecute(Runnable r, Throwable t) {
            long ms = (System.nanoTime() - runStart.get()) / 1_000_000;
            // moving mean of the time an analysis runs, for Retry-After
            meanRunMs.getAndUpdate(m -> m == 0 ? ms : (7 * m + ms) / 8);
          }
        };
    this.workers = workers;
    this.timeout = timeout;
    this.deadlines =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "seatwise-analysis-deadlines");
              t.setDaemon(true);
              return t;
            });
  }

  /** The longest an analysis may wait and run. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Queues {@code task} and returns at once: a job's analysis. The task hears, through {@code
   * ticket}, its place in the line; it is cancelled (interrupted) when still unfinished after the
   * timeout, and {@code onTimeout} runs then.
   *
   * @throws ApiProblem 503 when too many analyses are waiting
   */
  public Future<?> submit(java.util.function.LongConsumer ticket, Runnable task, Runnable onTimeout) {
    Future<?> future;
    synchronized (this) {
      long t = submitted.get();
      try {
        future = pool.submit(task);
      } catch (RejectedExecutionException e) {
        throw busy();
      }
      submitted.incrementAndGet();
      ticket.accept(t);
    }
    deadlines.schedule(
        () -> {
          if (future.cancel(true)) {
            onTimeout.run();
          }
        },
        timeout.toMillis(),
        TimeUnit.MILLISECONDS);
    return future;
  }

  /** About how many analyses wait ahead of the one given {@code ticket} (0 once it runs). */
  public long ahead(long ticket) {
    return Math.max(0, ticket - started.get());
  }

  /** The problem of an analysis that took too long. */
  public ApiProblem tooLong() {
    return new ApiProblem(
        503,
        "Analysis took too long",
        "the analysis did not finish within "
            + timeout.toSeconds()
            + " s (--timeout-seconds); try a shorter period or fewer files");
  }

  private ApiProblem busy() {
    return new ApiProblem(
            503,
            "Busy",
            "too many analyses are waiting (" + pool.getQueue().size() + " in line for "
                + workers + " workers); try again in a moment")
        .retryAfter(retryAfterSeconds());
  }

  /**
   * About when a place in the line frees up, in seconds (1 to 60): the line's length times the
   * mean time an analysis runs, shared among the workers.
   */
  public long retryAfterSeconds() {
    long waiting = pool.getQueue().size();
    long ms = meanRunMs.get() * (waiting + 1) / Math.max(1, workers);
    return Math.max(1, Math.min(60, (ms + 999) / 1000));
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
    synchronized (this) {
      try {
        future = pool.submit(task::get);
      } catch (RejectedExecutionException e) {
        throw busy();
      }
      submitted.incrementAndGet();
    }
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw tooLong();
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
    deadlines.shutdownNow();
  }
}
