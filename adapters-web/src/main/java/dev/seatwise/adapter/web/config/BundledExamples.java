package dev.seatwise.adapter.web.config;

import dev.seatwise.adapter.web.ExampleData;
import java.util.List;

/** The example data sets the build copies from the repository's {@code examples/} folder. */
final class BundledExamples {
  static final List<ExampleData> ALL =
      List.of(
          new ExampleData(
              "acme",
              "A synthetic organisation (a few hundred users, one year) as a sessions CSV",
              List.of("/seatwise/examples/acme-sessions.csv"),
              List.of()));

  private BundledExamples() {}
}
