package dev.seatwise.adapter.web.config;

import dev.seatwise.adapter.web.ExampleData;
import java.util.List;

/** The example data sets the build copies from the repository's {@code examples/} folder. */
final class BundledExamples {
  static final List<ExampleData> ALL =
      List.of(
          new ExampleData(
              "acme",
              "ACME: 300 synthetic users over 2025 (sessions CSV, subscriptions and users exports)",
              List.of("/seatwise/examples/acme-sessions.csv"),
              List.of(
                  "/seatwise/examples/acme-subscriptions.csv",
                  "/seatwise/examples/acme-users.csv"),
              List.of()),
          new ExampleData(
              "acme-teams",
              "ACME with its identity map: costs split by team or cost centre (chargeback)",
              List.of("/seatwise/examples/acme-sessions.csv"),
              List.of(
                  "/seatwise/examples/acme-subscriptions.csv",
                  "/seatwise/examples/acme-users.csv"),
              List.of("/seatwise/examples/acme-identities.csv")),
          new ExampleData(
              "acme-flexlm",
              "ACME's FlexLM licence-server log for January 2025, logins mapped to people",
              List.of("/seatwise/examples/acme-adskflex.log"),
              List.of(),
              List.of("/seatwise/examples/acme-identities.csv")));

  private BundledExamples() {}
}
