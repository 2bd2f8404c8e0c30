package dev.seatwise.adapter.cli.generate;

import static java.util.Objects.requireNonNull;

import dev.seatwise.adapter.cli.generate.Person.Intensity;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A realistic synthetic organisation, the same for the same seed: teams with their tools
 * (architects on Revit and AutoCAD, civil engineers on Civil 3D, mechanical on Inventor, ...),
 * heavy daily users, regular and occasional ones, rare users and people who hold a seat but never
 * use it; working-day patterns with a little weekend work and holidays; sessions of varied length,
 * some under five minutes (free on Flex) and a few left running past 24 hours.
 *
 * <p>Every person and every (person, day) draws from its own {@link SplittableRandom} seeded from
 * the organisation's seed, so a day's sessions do not depend on how many days or users came before:
 * output is deterministic and can be produced one day at a time.
 */
final class SyntheticOrganisation {
  static final String DOMAIN = "acme.example";
  private static final String[] FIRST = {
    "Ada", "Ben", "Chloe", "Dan", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kemi",
    "Liam", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera",
    "Wei", "Ximena", "Yusuf", "Zoe", "Amir", "Bea", "Carlos", "Dana", "Erik", "Fatima", "Gustav",
    "Hana", "Ivan", "Julia", "Kai", "Lena", "Marco", "Nina", "Oscar", "Priya", "Raj", "Sara",
    "Tom", "Uma", "Viktor", "Wanda", "Yara", "Zeno", "Aiko", "Bruno", "Celia", "Diego", "Emma",
    "Felix", "Gina", "Henrik", "Isla", "Jack", "Kira", "Leo", "Mila", "Nils"
  };
  private static final String[] LAST = {
    "Adams",
    "Berg",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Hansen",
    "Ito",
    "Jensen",
    "Kowalski",
    "Larsen",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rossi",
    "Silva",
    "Tanaka",
    "Ulrich",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhang",
    "Andersson",
    "Brown",
    "Chen",
    "Diaz",
    "Evans",
    "Fernandes",
    "Gruber",
    "Horvat",
    "Iqbal",
    "Johansson",
    "Kim",
    "Lopez",
    "Meyer",
    "Novak",
    "Olsen",
    "Patel",
    "Quinn",
    "Ramos",
    "Schmidt",
    "Torres",
    "Usman",
    "Vogel",
    "Wagner",
    "Young",
    "Zimmer",
    "Akhtar",
    "Bauer",
    "Clarke",
    "Dahl",
    "Eze",
    "Fuchs",
    "Gomez",
    "Hughes",
    "Ivanova",
    "Kaur",
    "Lindqvist",
    "Murphy",
    "Nowak"
  };

  private final long seed;
  private final LocalDate start;

  SyntheticOrganisation(long seed, LocalDate start) {
    this.seed = seed;
    this.start = requireNonNull(start, "start");
  }

  LocalDate start() {
    return start;
  }

  /** Person number {@code index} (0-based), the same for the same seed. */
  Person person(int index) {
    SplittableRandom r = random(index, -1);
    int a = index % FIRST.length;
    int q = index / FIRST.length;
    int b = Math.floorMod(q + 37 * a, LAST.length);
    int suffix = index / (FIRST.length * LAST.length);
    String first = FIRST[a];
    String last = LAST[b];
    String local =
        (first + "." + last).toLowerCase(java.util.Locale.ROOT)
            + (suffix == 0 ? "" : Integer.toString(suffix + 1));
    String hashed =
        HexFormat.of()
            .withUpperCase()
            .toHexDigits(new SplittableRandom(seed ^ 0x5EA7L * (index + 1)).nextLong())
            .substring(0, 12);
    double t = r.nextDouble();
    String team;
    List<ProductModel> products = new ArrayList<>();
    if (t < 0.28) {
      team = "Architecture";
      products.add(ProductModel.RVT);
      maybe(r, products, ProductModel.ACD, 0.70);
      maybe(r, products, ProductModel.NAVMAN, 0.20);
      maybe(r, products, ProductModel.MAX, 0.10);
    } else if (t < 0.48) {
      team = "Civil";
      products.add(ProductModel.C3D);
      maybe(r, products, ProductModel.ACD, 0.80);
      maybe(r, products, ProductModel.RVT, 0.12);
      maybe(r, products, ProductModel.NAVMAN, 0.10);
    } else if (t < 0.68) {
      team = "Drafting";
      products.add(r.nextDouble() < 0.7 ? ProductModel.ACD : ProductModel.ACDLT);
    } else if (t < 0.84) {
      team = "Mechanical";
      products.add(ProductModel.INV);
      maybe(r, products, ProductModel.ACD, 0.50);
      maybe(r, products, ProductModel.FUSION, 0.35);
      maybe(r, products, ProductModel.NAVMAN, 0.05);
    } else if (t < 0.92) {
      team = "Visualisation";
      boolean maya = r.nextDouble() < 0.5;
      products.add(maya ? ProductModel.MAYA : ProductModel.MAX);
      maybe(r, products, maya ? ProductModel.MAX : ProductModel.MAYA, 0.40);
    } else {
      team = "Management";
      products.add(r.nextDouble() < 0.6 ? ProductModel.ACD : ProductModel.NAVMAN);
    }
    Intensity intensity = intensity(r, team);
    double[] frequency = new double[products.size()];
    frequency[0] = 1.0;
    for (int i = 1; i < frequency.length; i++) {
      frequency[i] = 0.12 + 0.5 * r.nextDouble();
    }
    int[] holidayStarts = {r.nextInt(365), r.nextInt(365)};
    int[] holidayLengths = {5 + r.nextInt(6), 3 + r.nextInt(5)};
    return new Person(
        index,
        local + "@" + DOMAIN,
        first,
        last,
        local,
        String.format("ws-%04d", index % 10_000),
        hashed,
        team,
        intensity,
        List.copyOf(products),
        frequency,
        holidayStarts,
        holidayLengths,
        assigned(products));
  }

  private static void maybe(
      SplittableRandom r, List<ProductModel> products, ProductModel p, double chance) {
    if (r.nextDouble() < chance) {
      products.add(p);
    }
  }

  private static Intensity intensity(SplittableRandom r, String team) {
    double x = r.nextDouble();
    if (team.equals("Management")) {
      return x < 0.5 ? Intensity.OCCASIONAL : x < 0.9 ? Intensity.RARE : Intensity.IDLE;
    }
    return x < 0.30
        ? Intensity.HEAVY
        : x < 0.55
            ? Intensity.REGULAR
            : x < 0.83 ? Intensity.OCCASIONAL : x < 0.95 ? Intensity.RARE : Intensity.IDLE;
  }

  /**
   * Today's plan as an organisation that never looked at usage buys it: a collection for anyone who
   * uses two or more of its products, a named subscription for every other product used.
   */
  private static List<String> assigned(List<ProductModel> products) {
    Map<String, Set<ProductModel>> collections =
        Map.of(
            "AEC Collection",
                Set.of(
                    ProductModel.ACD,
                    ProductModel.RVT,
                    ProductModel.C3D,
                    ProductModel.NAVMAN,
                    ProductModel.MAX),
            "PD&M Collection",
                Set.of(
                    ProductModel.ACD, ProductModel.INV, ProductModel.NAVMAN, ProductModel.FUSION),
            "M&E Collection", Set.of(ProductModel.MAYA, ProductModel.MAX));
    Set<String> out = new LinkedHashSet<>();
    Set<ProductModel> covered = new java.util.HashSet<>();
    for (String c : List.of("AEC Collection", "PD&M Collection", "M&E Collection")) {
      Set<ProductModel> in = collections.get(c);
      long used = products.stream().filter(in::contains).count();
      if (used >= 2 && in.contains(products.get(0))) {
        out.add(c);
        covered.addAll(in);
      }
    }
    for (ProductModel p : products) {
      if (!covered.contains(p)) {
        out.add(p.exportName());
      }
    }
    return List.copyOf(out);
  }

  /**
   * Adds the sessions {@code p} starts on day {@code day} (0-based from the start date) to {@code
   * out}. {@code busyUntil} holds, per person and product, the end of a session left running past a
   * day, so that no session of that product starts before it ends; it is updated here.
   */
  void sessions(Person p, int day, Map<Long, Instant> busyUntil, List<GeneratedSession> out) {
    if (p.intensity() == Intensity.IDLE || p.onHoliday(day)) {
      return;
    }
    LocalDate date = start.plusDays(day);
    DayOfWeek dow = date.getDayOfWeek();
    boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    double base = p.intensity().workdayProbability * (weekend ? 0.04 : 1.0);
    SplittableRandom r = random(p.index(), day);
    Instant midnight = date.atStartOfDay(ZoneOffset.UTC).toInstant();
    long arrival = 7 * 3600 + r.nextInt(0, 210) * 60L + r.nextInt(60);
    Instant latestEnd = midnight.plusSeconds(30 * 3600);
    for (int k = 0; k < p.products().size(); k++) {
      if (r.nextDouble() >= base * p.frequency()[k]) {
        continue;
      }
      ProductModel product = p.products().get(k);
      long key = (long) p.index() * 16 + k;
      Instant busy = busyUntil.get(key);
      Instant t = midnight.plusSeconds(k == 0 ? arrival : arrival + r.nextInt(20, 360) * 60L);
      if (busy != null) {
        if (busy.isAfter(t)) {
          continue;
        }
        busyUntil.remove(key);
      }
      double n = r.nextDouble();
      int count = n < 0.65 ? 1 : n < 0.93 ? 2 : 3;
      for (int s = 0; s < count && t.isBefore(midnight.plusSeconds(21 * 3600)); s++) {
        double u = r.nextDouble();
        double longChance = dow == DayOfWeek.FRIDAY ? 0.012 : 0.003;
        Instant end;
        boolean running = false;
        if (u < 0.06) {
          end = t.plusSeconds(20 + r.nextInt(280)); // a launch under five minutes
        } else if (u < 0.06 + longChance) {
          end = t.plusSeconds(25 * 3600 + r.nextInt(45 * 3600)); // left running past 24 h
          running = true;
        } else {
          double minutes = p.intensity().typicalMinutes * Math.exp(0.55 * r.nextGaussian()) / count;
          long seconds = Math.max(6 * 60, Math.min(11 * 3600, Math.round(minutes * 60)));
          end = t.plusSeconds(seconds);
          if (end.isAfter(latestEnd)) {
            end = latestEnd;
          }
        }
        boolean renderer = product == ProductModel.MAYA && r.nextDouble() < 0.3;
        out.add(new GeneratedSession(p, product, t, end, renderer));
        if (running) {
          busyUntil.put(key, end);
          break;
        }
        t = end.plusSeconds(r.nextInt(10, 120) * 60L);
      }
    }
  }

  private SplittableRandom random(int person, int day) {
    return new SplittableRandom(
        seed * 0x9E3779B97F4A7C15L
            + (person + 1L) * 0xC2B2AE3D27D4EB4FL
            + (day + 2L) * 0x165667B19E3779F9L);
  }
}
