package dev.seatwise.adapter.cli;

import dev.seatwise.application.port.in.CompareScenariosQuery;
import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.domain.catalog.Catalog;
import dev.seatwise.domain.catalog.ProductId;
import dev.seatwise.domain.optimize.Pin;
import dev.seatwise.domain.usage.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The constraints of the optimal scenario and the network seat counts ({@code compare}, {@code
 * explain}).
 */
public final class CompareOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--pin-named",
      paramLabel = "USER",
      description = "Keep USER on named subscriptions (no Flex); repeatable.")
  List<String> pinNamed = new ArrayList<>();

  @Option(
      names = "--pin-flex",
      paramLabel = "USER",
      description = "Put USER on Flex for every product offered on Flex; repeatable.")
  List<String> pinFlex = new ArrayList<>();

  @Option(
      names = "--no-flex",
      paramLabel = "PRODUCT",
      description =
          "Never use Flex for PRODUCT (a catalog id, e.g. RVT) in the optimal plan; repeatable.")
  List<String> noFlex = new ArrayList<>();

  @Option(
      names = "--token-cap",
      paramLabel = "N",
      description = "Buy at most N Flex tokens in the optimal plan.")
  Long tokenCap;

  @Option(
      names = "--network-seats",
      paramLabel = "PRODUCT=N",
      description =
          "Price the network scenario with N seats of PRODUCT instead of its peak concurrency;"
              + " repeatable.")
  Map<String, Long> networkSeats = new LinkedHashMap<>();

  @Option(
      names = "--pool-refusal-rate",
      paramLabel = "RATE",
      description =
          "For a token-pool vendor, size the optimal pool to refuse at most RATE of the pool's"
              + " intervals (0 <= RATE < 1, e.g. 0.05; default 0: nobody refused).")
  Double poolRefusalRate;

  /** The query, with product ids checked against {@code catalog}. */
  CompareScenariosQuery query(PeriodSpec period, Catalog catalog) {
    Map<UserId, Pin> pins = new HashMap<>();
    for (String u : pinNamed) {
      pins.put(UserId.of(u), Pin.NAMED);
    }
    for (String u : pinFlex) {
      if (pins.put(UserId.of(u), Pin.FLEX) != null) {
        throw new ParameterException(
            spec.commandLine(), "user '" + u + "' is pinned both to named and to Flex");
      }
    }
    Set<ProductId> excluded = new HashSet<>();
    for (String p : noFlex) {
      excluded.add(product(p, catalog, "--no-flex"));
    }
    if (tokenCap != null && tokenCap < 0) {
      throw new ParameterException(
          spec.commandLine(), "--token-cap must be >= 0 but was " + tokenCap);
    }
    if (poolRefusalRate != null && !(poolRefusalRate >= 0 && poolRefusalRate < 1)) {
      throw new ParameterException(
          spec.commandLine(), "--pool-refusal-rate must be in [0, 1) but was " + poolRefusalRate);
    }
    Map<ProductId, Long> seats = new HashMap<>();
    networkSeats.forEach(
        (p, n) -> {
          if (n < 0) {
            throw new ParameterException(
                spec.commandLine(), "--network-seats " + p + "=" + n + ": seats must be >= 0");
          }
          seats.put(product(p, catalog, "--network-seats"), n);
        });
    return new CompareScenariosQuery(
        period,
        pins,
        excluded,
        tokenCap == null ? OptionalLong.empty() : OptionalLong.of(tokenCap),
        seats)
        .withPoolRefusalRate(poolRefusalRate == null ? 0.0 : poolRefusalRate);
  }

  /** Users pinned by these options. */
  List<String> pinnedUsers() {
    List<String> all = new ArrayList<>(pinNamed);
    all.addAll(pinFlex);
    return all;
  }

  private ProductId product(String text, Catalog catalog, String option) {
    return Products.find(catalog, text, option, spec.commandLine()).id();
  }
}
