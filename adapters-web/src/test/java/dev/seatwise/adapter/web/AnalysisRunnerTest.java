package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bounded line: first come, first served, and a 503 with Retry-After only past its bound. */
class AnalysisRunnerTest {
  @Test
  void theLineIsFirstComeFirstServedAndOnlyPastItsBoundIsARequestRefused() throws Exception {
    try (AnalysisRunner runner = new AnalysisRunner(1, 3, Duration.ofSeconds(30))) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch allRan = new CountDownLatch(4);
      List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
      List<Long> tickets = new ArrayList<>();
      // one runs (held by the latch), three wait: the line's bound
      for (int i = 0; i < 4; i++) {
        int n = i;
        runner.submit(
            tickets::add,
            () -> {
              order.add(n);
              if (n == 0) {
                awaitQuietly(release);
              }
              allRan.countDown();
            },
            () -> {});
      }
      while (order.isEmpty()) {
        Thread.sleep(5);
      }
      assertThat(tickets).containsExactly(0L, 1L, 2L, 3L);
      assertThat(runner.ahead(3)).isEqualTo(2); // tickets 1 and 2 wait before it
      assertThatThrownBy(() -> runner.submit(t -> {}, () -> {}, () -> {}))
          .isInstanceOfSatisfying(
              ApiProblem.class,
              p -> {
                assertThat(p.status()).isEqualTo(503);
                assertThat(p.detail()).contains("3 in line for 1 workers");
                assertThat(p.retryAfterSeconds()).isPresent();
                assertThat(p.retryAfterSeconds().getAsLong()).isBetween(1L, 60L);
              });
      release.countDown();
      assertThat(allRan.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(order).containsExactly(0, 1, 2, 3);
      assertThat(runner.run(() -> "served once there is room")).isEqualTo("served once there is room");
    }
  }

  @Test
  void aRequestWaitsBehindThoseThatCameBeforeItNotThoseQueuedBeforeIt() throws Exception {
    try (AnalysisRunner runner = new AnalysisRunner(1, 8, Duration.ofSeconds(30))) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch busy = new CountDownLatch(1);
      runner.submit(t -> {}, () -> {
        busy.countDown();
        awaitQuietly(release);
      }, () -> {});
      assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
      long now = System.nanoTime();
      List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      // queued in this order (bodies read at different speeds), but they came 3rd, 1st, 2nd
      long[] came = {now - 10, now - 30, now - 20};
      String[] names = {"third", "first", "second"};
      for (int i = 0; i < 3; i++) {
        int k = i;
        Thread t = new Thread(() -> runner.run(() -> order.add(names[k]), -1, came[k]));
        t.start();
        threads.add(t);
        while (runner.waiting() < k + 1) {
          Thread.sleep(1); // queued one after the other, in this order
        }
      }
      // a job queued now came last of all
      CountDownLatch jobRan = new CountDownLatch(1);
      runner.submit(t -> {}, () -> {
        order.add("job");
        jobRan.countDown();
      }, () -> {});
      release.countDown();
      assertThat(jobRan.await(10, TimeUnit.SECONDS)).isTrue();
      for (Thread t : threads) {
        t.join(10_000);
      }
      assertThat(order).containsExactly("first", "second", "third", "job");
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
