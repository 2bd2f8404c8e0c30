package dev.seatwise.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-client cap on analyses in flight: places are taken and given back exactly once. */
class UploadLimitTest {

  @Test
  void aRefusedRequestDoesNotTakeAPlaceAndAPermitGivesItsPlaceBackOnce() {
    UploadLimit limit = new UploadLimit(1);
    UploadLimit.Permit first = limit.acquire("a");
    assertThatThrownBy(() -> limit.acquire("a"))
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(429));
    assertThat(limit.inFlight("a")).isEqualTo(1);
    // another address has its own places
    UploadLimit.Permit other = limit.acquire("b");
    first.close();
    first.close(); // a second close gives nothing back twice
    assertThat(limit.inFlight("a")).isZero();
    assertThat(limit.inFlight("b")).isEqualTo(1);
    UploadLimit.Permit again = limit.acquire("a");
    assertThat(limit.inFlight("a")).isEqualTo(1);
    again.close();
    other.close();
    assertThat(limit.inFlight("a")).isZero();
    assertThat(limit.inFlight("b")).isZero();
  }

  /**
   * Many threads of one client take and give back places while others are refused: never more
   * than the cap in flight, and every place is back at the end.
   */
  @Test
  void underContentionTheCountNeverPassesTheCapAndReturnsToZero() throws Exception {
    int max = 3;
    UploadLimit limit = new UploadLimit(max);
    AtomicInteger holding = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread th =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < 20_000; i++) {
                  try (UploadLimit.Permit p = limit.acquire("c")) {
                    int now = holding.incrementAndGet();
                    most.accumulateAndGet(now, Math::max);
                    holding.decrementAndGet();
                  } catch (ApiProblem refused) {
                    // the cap was reached at that instant: try again
                  }
                }
              });
      th.start();
      threads.add(th);
    }
    go.countDown();
    for (Thread th : threads) {
      th.join();
    }
    assertThat(most.get()).isLessThanOrEqualTo(max);
    assertThat(limit.inFlight("c")).isZero();
  }
}
