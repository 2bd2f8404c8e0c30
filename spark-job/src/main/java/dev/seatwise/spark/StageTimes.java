package dev.seatwise.spark;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;

/**
 * Where a job's wall time went, from Spark's listener events: the stages that write a shuffle (the
 * map side: CSV scan, row rules, shuffle write) and the others (the reduce side: shuffle read, sort,
 * replay), and the bytes the shuffle wrote. Stage times are wall times from submission to
 * completion. Listener events arrive asynchronously, and adaptive execution runs one action as
 * several jobs: {@link #awaitQuiet} waits until every job that started has ended and no event came
 * for a moment.
 */
final class StageTimes extends SparkListener {
  private long mapNanos;
  private long reduceNanos;
  private long shuffleWriteBytes;
  private int jobsStarted;
  private int jobsEnded;
  private long lastEvent = System.nanoTime();

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
    lastEvent = System.nanoTime();
    StageInfo info = event.stageInfo();
    if (info.submissionTime().isEmpty() || info.completionTime().isEmpty()) {
      return;
    }
    long millis = (Long) info.completionTime().get() - (Long) info.submissionTime().get();
    long written = info.taskMetrics().shuffleWriteMetrics().bytesWritten();
    if (written > 0) {
      mapNanos += millis * 1_000_000L;
      shuffleWriteBytes += written;
    } else {
      reduceNanos += millis * 1_000_000L;
    }
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart event) {
    lastEvent = System.nanoTime();
    jobsStarted++;
  }

  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd event) {
    lastEvent = System.nanoTime();
    jobsEnded++;
  }

  /**
   * Waits until at least one job ran, every started job ended and no event came for 300 ms, or
   * {@code timeoutMillis} passed.
   */
  void awaitQuiet(long timeoutMillis) {
    long until = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (System.nanoTime() < until) {
      synchronized (this) {
        if (jobsStarted > 0 && jobsEnded == jobsStarted
            && System.nanoTime() - lastEvent > 300_000_000L) {
          return;
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  synchronized long mapNanos() {
    return mapNanos;
  }

  synchronized long reduceNanos() {
    return reduceNanos;
  }

  synchronized long shuffleWriteBytes() {
    return shuffleWriteBytes;
  }
}
