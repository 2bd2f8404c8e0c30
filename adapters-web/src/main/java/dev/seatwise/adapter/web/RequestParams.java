package dev.seatwise.adapter.web;

import dev.seatwise.application.port.in.PeriodSpec;
import dev.seatwise.application.port.in.PlausibleDates;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses the query parameters shared by the analysis endpoints; bad values are 400 problems. */
final class RequestParams {
  private RequestParams() {}

  static PeriodSpec period(Context ctx) {
    Optional<LocalDate> from = date(ctx, "from");
    Optional<LocalDate> to = date(ctx, "to");
    ZoneId zone = zone(ctx);
    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
      throw ApiProblem.badRequest("'to' (" + to.get() + ") must be after 'from' (" + from.get() + ")");
    }
    return new PeriodSpec(from, to, zone);
  }

  static ReadOptions readOptions(Context ctx) {
    return new ReadOptions(zone(ctx), flag(ctx, "strict"));
  }

  /**
   * A yes-or-no parameter: {@code true} or {@code false} in any case, absent is false; anything
   * else is a 400 ({@code strict=yes} read the files leniently before, without a word).
   */
  static boolean flag(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
      return false;
    }
    if (value.strip().equalsIgnoreCase("true")) {
      return true;
    }
    throw ApiProblem.badRequest("'" + name + "' must be true or false, not " + shorten(value));
  }

  /**
   * Whether the request asks for CSV: {@code format=csv} where the analysis has a CSV answer
   * ({@code csvOffered}), {@code json} or no {@code format} for JSON; any other format, or CSV of
   * an analysis that answers JSON only, is a 400 rather than a JSON answer to a CSV request.
   */
  static boolean csv(Context ctx, boolean csvOffered) {
    String value = ctx.queryParam("format");
    if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("json")) {
      return false;
    }
    if (value.strip().equalsIgnoreCase("csv")) {
      if (csvOffered) {
        return true;
      }
      throw ApiProblem.badRequest(
          "'format' csv is offered by comparisons only; this analysis answers JSON (format=json)");
    }
    throw ApiProblem.badRequest("'format' must be json or csv, not " + shorten(value));
  }

  static ZoneId zone(Context ctx) {
    String zone = ctx.queryParam("zone");
    if (zone == null || zone.isBlank()) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw ApiProblem.badRequest("'zone' is not a time zone: " + shorten(zone) + " (try Europe/Paris or UTC)");
    }
  }

  static Optional<LocalDate> date(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest("'" + name + "' must be a date like 2025-01-01, not " + shorten(value));
    }
    // a date of year 1 or 9999 is no period to walk: millions of days (or a long overflow)
    String problem = PlausibleDates.problem(date);
    if (problem != null) {
      throw ApiProblem.badRequest("'" + name + "': " + problem);
    }
    return Optional.of(date);
  }

  static double rate(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      double r = Double.parseDouble(value.strip());
      if (r >= 0 && r <= 1) {
        return r;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiProblem.badRequest("'" + name + "' must be a number from 0 to 1, not " + shorten(value));
  }

  static int integer(Context ctx, String name, int fallback, int min, int max) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiProblem.badRequest(
        "'" + name + "' must be a whole number from " + min + " to " + max + ", not " + shorten(value));
  }

  static long longValue(Context ctx, String name, long fallback) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest("'" + name + "' must be a whole number, not " + shorten(value));
    }
  }

  /** The chargeback grouping {@code team} or {@code cost-centre}; empty when not given. */
  static Optional<dev.seatwise.application.port.out.GroupBy> grouping(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(dev.seatwise.application.port.out.GroupBy.fromLabel(value));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("'" + name + "' must be team or cost-centre, not " + shorten(value));
    }
  }

  /** Builds a query record; its own validation failing is the client's mistake (400). */
  static <T> T valid(java.util.function.Supplier<T> query) {
    try {
      return query.get();
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(String.valueOf(e.getMessage()));
    }
  }

  static String shorten(String s) {
    String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
    return "'" + t + "'";
  }
}
