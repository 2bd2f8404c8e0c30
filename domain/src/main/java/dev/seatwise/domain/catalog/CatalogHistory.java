package dev.seatwise.domain.catalog;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Effective-dated versions of one vendor's catalog, so prices and rates that change over time can be
 * replayed: the version in force on a date is the latest one effective on or before it. Immutable
 * and thread-safe; nothing is null.
 */
public record CatalogHistory(List<Catalog> versions) {
  public CatalogHistory {
    checkArgument(!versions.isEmpty(), "a catalog history needs at least one version");
    List<Catalog> sorted = new ArrayList<>(versions);
    sorted.sort(Comparator.comparing(Catalog::effective));
    for (int i = 1; i < sorted.size(); i++) {
      checkArgument(
          !sorted.get(i).effective().equals(sorted.get(i - 1).effective()),
          "two versions effective on %s",
          sorted.get(i).effective());
      checkArgument(
          sorted.get(i).vendor().equals(sorted.get(0).vendor()), "versions of different vendors");
    }
    versions = List.copyOf(sorted);
  }

  public static CatalogHistory of(Catalog... versions) {
    return new CatalogHistory(List.of(versions));
  }

  /** The version in force on {@code date}; empty before the first version. */
  public Optional<Catalog> versionOn(LocalDate date) {
    Catalog found = null;
    for (Catalog c : versions) {
      if (!c.effective().isAfter(date)) {
        found = c;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * How long a token lot bought on {@code purchase} lasts when nothing else says (rule F11): the
   * {@link Catalog#tokenExpiry} of the version in force that day, else of the first version.
   */
  public java.time.Period tokenExpiryOn(LocalDate purchase) {
    return versionOn(purchase).orElse(versions.get(0)).tokenExpiry();
  }

  public Catalog latest() {
    return versions.get(versions.size() - 1);
  }
}
