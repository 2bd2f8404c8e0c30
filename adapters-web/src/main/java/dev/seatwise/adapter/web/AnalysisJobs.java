package dev.seatwise.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seatwise.adapter.web.dto.ProblemResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every analysis of a stored dataset runs as a job: it is queued on the {@link AnalysisRunner}
 * (its place in the line is known), then reads the dataset's files unless they are in memory,
 * then analyses, within the runner's deadline. A synchronous request waits for its job's {@link
 * Job#outcome}; an asynchronous one ({@code ?async=true}) is listed, for the page to poll its
 * progress, and its answer (or problem) is kept for {@link #RETENTION} after it ends. Job ids are
 * 128 random bits in hex, and accepted only in that form. At most {@link #MAX_JOBS} listed jobs are
 * kept; beyond that a new one is refused (503). Thread-safe.
 */
final class AnalysisJobs {
  static final Duration RETENTION = Duration.ofMinutes(10);
  static final int MAX_JOBS = 2_000;
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

  enum Phase {
    QUEUED,
    READING,
    ANALYSING,
    DONE,
    FAILED;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One job; its phase only moves forward and ends once (done or failed). */
  static final class Job {
    final String id;
    final String analysis;
    final String dataset;
    final long createdNanos = System.nanoTime();
    volatile long ticket = Long.MAX_VALUE;
    volatile long startedNanos;
    volatile long endedNanos;
    final AtomicReference<Phase> phase = new AtomicReference<>(Phase.QUEUED);
    volatile JsonNode result;
    volatile ProblemResponse problem;
    /** The work's answer, or what it threw (the runner's 503 when past the deadline). */
    final java.util.concurrent.CompletableFuture<Object> outcome = new java.util.concurrent.CompletableFuture<>();
    private final Runnable onEnd;
    /** Set by the one caller that ends the job, before the end is visible in {@link #phase}. */
    private final java.util.concurrent.atomic.AtomicBoolean ending = new java.util.concurrent.atomic.AtomicBoolean();
    /** Completed (and replaced) at each move: what a long poll waits for. */
    private java.util.concurrent.CompletableFuture<Void> changed = new java.util.concurrent.CompletableFuture<>();

    Job(String id, String analysis, String dataset, Runnable onEnd) {
      this.id = id;
      this.analysis = analysis;
      this.dataset = dataset;
      this.onEnd = onEnd;
    }

    /** Moves to {@code next} unless the job already ended. */
    boolean move(Phase next) {
      while (true) {
        Phase now = phase.get();
        if (now == Phase.DONE || now == Phase.FAILED) {
          return false;
        }
        if (phase.compareAndSet(now, next)) {
          java.util.concurrent.CompletableFuture<Void> was;
          synchronized (this) {
            was = changed;
            changed = new java.util.concurrent.CompletableFuture<>();
          }
          was.complete(null);
          return true;
        }
      }
    }

    /**
     * Completes once the job is no longer in {@code seen} (at once when it already is not). The
     * caller must not complete it: it is shared by every poll of this phase.
     */
    java.util.concurrent.CompletableFuture<Void> leaves(Phase seen) {
      synchronized (this) {
        return phase.get() != seen
            ? java.util.concurrent.CompletableFuture.completedFuture(null)
            : changed;
      }
    }

    boolean ended() {
      Phase p = phase.get();
      return p == Phase.DONE || p == Phase.FAILED;
    }
  }

  /**
   * What a running job does: its work is told when it reads and when it analyses, and answers a
   * JSON object (a listed job's result) or, for a synchronous request, JSON or CSV text.
   */
  interface Work {
    Object run(Runnable reading, Runnable analysing);
  }

  private final AnalysisRunner runner;
  private final ObjectMapper json;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  AnalysisJobs(AnalysisRunner runner, ObjectMapper json) {
    this.runner = runner;
    this.json = json;
  }

  /**
   * Queues {@code work} as a job that a synchronous request waits for ({@link Job#outcome}); it is
   * not listed. {@code onEnd} runs once when the job ends, however it ends.
   *
   * @throws ApiProblem 503 when too many analyses are waiting
   */
  Job run(String analysis, String dataset, Work work, Runnable onEnd) {
    return submit(analysis, dataset, work, Optional.empty(), onEnd);
  }

  /**
   * Queues {@code work} as a listed job ({@code GET /api/jobs/{id}}); {@code failure} turns what it
   * throws into the job's problem. {@code onEnd} runs once when the job ends, however it ends.
   *
   * @throws ApiProblem 503 when too many jobs are kept or waiting
   */
  Job submit(
      String analysis,
      String dataset,
      Work work,
      Function<Throwable, ProblemResponse> failure,
      Runnable onEnd) {
    purge();
    if (jobs.size() >= MAX_JOBS) {
      throw new ApiProblem(503, "Busy", "too many analysis jobs are kept; try again in a moment")
          .retryAfter(runner.retryAfterSeconds());
    }
    return submit(analysis, dataset, work, Optional.of(failure), onEnd);
  }

  private Job submit(
      String analysis,
      String dataset,
      Work work,
      Optional<Function<Throwable, ProblemResponse>> listed,
      Runnable onEnd) {
    byte[] bits = new byte[16];
    random.nextBytes(bits);
    Job job = new Job(HexFormat.of().formatHex(bits), analysis, dataset, onEnd);
    listed.ifPresent(f -> jobs.put(job.id, job));
    try {
      runner.submit(
          t -> job.ticket = t,
          () -> {
            job.startedNanos = System.nanoTime();
            try {
              Object result =
                  work.run(() -> job.move(Phase.READING), () -> job.move(Phase.ANALYSING));
              if (listed.isPresent()) {
                job.result = (JsonNode) result;
              }
              if (end(job, Phase.DONE)) {
                job.outcome.complete(result);
              }
            } catch (RuntimeException | Error e) {
              listed.ifPresent(f -> job.problem = f.apply(e));
              if (end(job, Phase.FAILED)) {
                job.outcome.completeExceptionally(e);
              }
            }
          },
          () -> {
            ApiProblem tooLong = runner.tooLong();
            listed.ifPresent(f -> job.problem = f.apply(tooLong));
            if (end(job, Phase.FAILED)) {
              job.outcome.completeExceptionally(tooLong);
            }
          });
    } catch (RuntimeException e) {
      jobs.remove(job.id);
      throw e;
    }
    return job;
  }

  /**
   * The answer of a job that a synchronous request waits for: its result, or what it threw
   * (rethrown as is when unchecked; running out of memory is answered 413 with {@code inputBytes}
   * and the heap limit).
   */
  Object await(Job job, long inputBytes) {
    try {
      // the runner's deadline ends the job; the margin only guards against a lost wake-up
      return job.outcome.get(runner.timeout().toMillis() + 5_000, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw runner.tooLong();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiProblem(503, "Interrupted", "the server is stopping");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof OutOfMemoryError) {
        throw new ApiProblem(413, "Too large to analyse", AnalysisRunner.outOfMemory(inputBytes));
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * Ends {@code job} in {@code phase} unless it already ended; true when this call ended it. The
   * job's place (its client's analysis in flight) is given back before the end is visible, so a
   * client that sees the job ended may at once send its next request.
   */
  private static boolean end(Job job, Phase phase) {
    if (!job.ending.compareAndSet(false, true)) {
      return false;
    }
    job.endedNanos = System.nanoTime();
    job.onEnd.run();
    job.move(phase);
    return true;
  }

  Optional<Job> get(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return Optional.ofNullable(jobs.get(id));
  }

  /** The job as the API shows it; its answer or problem once it ended. */
  ObjectNode view(Job job) {
    ObjectNode v = json.createObjectNode();
    Phase phase = job.phase.get();
    v.put("id", job.id);
    v.put("analysis", job.analysis);
    v.put("dataset", job.dataset);
    v.put("status", phase == Phase.DONE ? "done" : phase == Phase.FAILED ? "failed" : phase == Phase.QUEUED ? "queued" : "running");
    v.put("phase", phase.label());
    if (phase == Phase.QUEUED) {
      v.put("ahead", job.ticket == Long.MAX_VALUE ? 0 : runner.ahead(job.ticket));
    }
    long now = job.ended() && job.endedNanos != 0 ? job.endedNanos : System.nanoTime();
    v.put("elapsedMs", Duration.ofNanos(now - job.createdNanos).toMillis());
    if (job.startedNanos != 0) {
      v.put("runningMs", Duration.ofNanos(now - job.startedNanos).toMillis());
    }
    v.put("timeoutMs", runner.timeout().toMillis());
    if (phase == Phase.DONE) {
      v.set("result", job.result);
    } else if (phase == Phase.FAILED && job.problem != null) {
      v.set("problem", json.valueToTree(job.problem));
    }
    return v;
  }

  /** Forgets jobs that ended more than {@link #RETENTION} ago. */
  private void purge() {
    long now = System.nanoTime();
    jobs.values()
        .removeIf(j -> j.ended() && j.endedNanos != 0 && now - j.endedNanos > RETENTION.toNanos());
  }
}
