package dev.seatwise.spark;

import dev.seatwise.adapter.files.FastSessionsCsvReader;
import dev.seatwise.adapter.files.ImportOptions;
import dev.seatwise.adapter.files.SessionTableImport;
import dev.seatwise.adapter.files.catalog.LoadedCatalog;
import dev.seatwise.application.port.out.Rejection;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.metering.ColumnarFlexReplay;
import dev.seatwise.domain.metering.MeterContext;
import dev.seatwise.domain.optimize.UserDemand;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The single-machine answer the Spark job must reproduce: {@link FastSessionsCsvReader}, {@link
 * ColumnarFlexReplay} over the whole table, one demand per user and the same {@link Scenarios}
 * (the pipeline of the benchmarks' {@code SeatwiseReplay}).
 */
public final class SingleMachineReplay {
  private SingleMachineReplay() {}

  public static Figures run(Path csv, String catalogName) {
    LoadedCatalog loaded = Catalogs.load(catalogName);
    Catalog catalog = Catalogs.catalogOf(loaded);
    SessionTableImport read =
        new FastSessionsCsvReader().read(csv, loaded.resolver(), ImportOptions.defaults());
    ColumnarFlexReplay replay = ColumnarFlexReplay.of(read.sessions(), MeterContext.of(catalog));
    List<UserDemand> demands = UserDemand.perUser(replay);
    long days = 0;
    for (int g = 0; g < replay.groups(); g++) {
      days += replay.daysUsed(g);
    }
    SortedMap<String, Long> rejections = new TreeMap<>();
    for (Rejection r : read.report().rejections()) {
      rejections.merge(r.field() + ": " + r.reason(), 1L, Long::sum);
    }
    Scenarios.Totals totals = Scenarios.solve(catalog, demands);
    return new Figures(replay.sessions(), read.report().rejected(), rejections,
        replay.users().size(), replay.groups(), replay.totalWindows(), replay.totalTokens(),
        days,
        totals.allNamed(), totals.allFlex(), totals.optimal());
  }
}
