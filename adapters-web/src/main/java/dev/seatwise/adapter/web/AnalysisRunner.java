package dev.seatwise.adapter.web;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs analyses on a bounded pool so that a request's time is bounded and the machine is not
 * oversubscribed: at most {@code workers} at once, at most {@code queue} waiting in one
 * first-come-first-served line; past the line's bound a request is answered 503 with {@code
 * Retry-After}. The line is ordered by when each request came to the server, not by when its
 * analysis could be queued: a one-shot upload is queued once its body is read, and a request whose
 * upload took longer (a slower client, or many uploads at once) still goes before every request
 * that came after it. So a request waits only behind those that came before it and are still in
 * flight (at most the other requests in flight). A request that waits and runs longer than the
 * timeout is answered 503 and its analysis is cancelled. Thread-safe.
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
  /** The line's bound. */
  private final int queue;
  /** Ties among requests that came at the same instant: the one queued first goes first. */
  private final AtomicLong order = new AtomicLong();

  /** A queued analysis, ordered by when its request came, then by when it was queued. */
  private static final class InLine<T> extends FutureTask<T> implements Comparable<InLine<?>> {
    private final long came;
    private final long queued;

    InLine(Callable<T> task, long came, long queued) {
      super(task);
      this.came = came;
      this.queued = queued;
    }

    @Override
    public int compareTo(InLine<?> o) {
      long d = came - o.came; // System.nanoTime() values: compared by their difference
      if (d != 0) {
        return d < 0 ? -1 : 1;
      }
      return Long.compare(queued, o.queued);
    }
  }

  public AnalysisRunner(int workers, int queue, Duration timeout) {
    AtomicInteger n = new AtomicInteger();
    this.queue = Math.max(1, queue);
    this.pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            30,
            TimeUnit.SECONDS,
            // bounded by queue in enqueue(); every element is an InLine
            new PriorityBlockingQueue<>(),
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
      future = enqueue(() -> {
        task.run();
        return null;
      }, System.nanoTime());
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

  /**
   * About how many analyses wait ahead of the one given {@code ticket} (0 once it runs): those
   * queued before it, less those started since (a request that came earlier but was queued later,
   * its upload still being read then, may still go before it).
   */
  public long ahead(long ticket) {
    return Math.max(0, ticket - started.get());
  }

  /** How many analyses wait in line now. */
  int waiting() {
    return pool.getQueue().size();
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


  /**
   * Puts {@code task} in the line at the place of a request that came at {@code came} (a {@link
   * System#nanoTime()} value); the caller holds this runner's lock.
   *
   * @throws ApiProblem 503 when the line is full
   */
  private <T> Future<T> enqueue(Callable<T> task, long came) {
    if (pool.getQueue().size() >= queue) {
      throw busy();
    }
    InLine<T> inLine = new InLine<>(task, came, order.getAndIncrement());
    try {
      pool.execute(inLine);
    } catch (RejectedExecutionException e) {
      throw busy();
    }
    submitted.incrementAndGet();
    return inLine;
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
    return run(task, inputBytes, System.nanoTime());
  }

  /**
   * Runs {@code task} on {@code inputBytes} of uploads (-1 when unknown) for a request that came at
   * {@code came} ({@link System#nanoTime()}, taken before its body was read): it waits in line
   * behind the requests that came before it, not behind those that came after it and whose bodies
   * were read sooner. Its unchecked failure is rethrown as is; running out of memory is answered
   * 413 with the size and the heap limit.
   */
  public <T> T run(Supplier<T> task, long inputBytes, long came) {
    Future<T> future;
    synchronized (this) {
      future = enqueue(task::get, came);
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
