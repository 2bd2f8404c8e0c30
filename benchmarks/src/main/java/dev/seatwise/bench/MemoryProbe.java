package dev.seatwise.bench;

import dev.seatwise.adapter.files.catalog.LoadedCatalog;
import dev.seatwise.domain.metering.ColumnarFlexReplay;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.nio.file.Path;

/**
 * Peak heap of one replay, in a fresh JVM (bench/run starts it with {@code -Xmx1g}): generates the
 * workload file if needed, resets the heap pools' peaks, reads and replays the file and solves the
 * three scenarios, then prints the sum of the heap pools' peak usage (an upper bound on the peak:
 * pools peak at different moments, and it counts garbage not yet collected), the largest heap in
 * use right after any GC during the run (about the live data the run needed) and the
 * heap still in use after a full GC while the table and the replay are reachable.
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "bench/out");
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path csv = Workload.file(out, users);
    if (args.length > 2 && !java.nio.file.Files.isRegularFile(csv)) {
      // quick mode: use the fallback workload rather than generate the full one
      users = Integer.parseInt(args[2]);
      csv = Workload.file(out, users);
    }
    Workload.ensure(csv, users);
    LoadedCatalog catalog = SeatwiseReplay.autodesk();
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
    long[] liveAfterGc = {0};
    java.util.Set<String> heapPools = new java.util.HashSet<>();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        heapPools.add(p.getName());
      }
    }
    for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((javax.management.NotificationEmitter) gc).addNotificationListener(
          (n, h) -> {
            if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
              GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                  (javax.management.openmbean.CompositeData) n.getUserData());
              long used = 0;
              for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(e.getKey())) {
                  used += e.getValue().getUsed();
                }
              }
              synchronized (liveAfterGc) {
                liveAfterGc[0] = Math.max(liveAfterGc[0], used);
              }
            }
          },
          null,
          null);
    }
    ColumnarFlexReplay replay = SeatwiseReplay.replay(csv, catalog);
    SeatwiseReplay.Totals totals = SeatwiseReplay.totals(replay, catalog);
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    System.gc();
    long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    BenchMain.print("memory_sessions", replay.sessions());
    BenchMain.print("memory_heap_max_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    BenchMain.print("replay_peak_heap_mb", peak / (1024 * 1024));
    BenchMain.print("replay_retained_heap_mb", retained / (1024 * 1024));
    synchronized (liveAfterGc) {
      BenchMain.print("replay_peak_live_heap_mb", liveAfterGc[0] / (1024 * 1024));
    }
    BenchMain.print("memory_users", users);
    BenchMain.print("memory_run_tokens", totals.tokens());
    BenchMain.print("memory_run_optimal_usd", totals.optimal());
  }
}
