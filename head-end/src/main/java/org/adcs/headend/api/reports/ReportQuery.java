package org.adcs.headend.api.reports;

import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.Query;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.adcs.scheduler.report.Slice;

/** A report request's query parameters, validated; {@link Invalid} says what is wrong in words for a 400. */
record ReportQuery(Query query, boolean acceptsCsvOnly) {

  /** The longest period a period report covers: a quarter. */
  static final int MAX_PERIOD_DAYS = 92;
  static final int DEFAULT_LIMIT = 100;

  enum Format { JSON, CSV }

  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  record Period(LocalDate from, LocalDate to) {}

  static ReportQuery of(HttpRequest request) {
    boolean csv = request.getHeader("Accept").map(h -> {
      String accept = h.value().toLowerCase(Locale.ROOT);
      return accept.contains("text/csv") && !accept.contains("application/json");
    }).orElse(false);
    return new ReportQuery(request.getUri().query(), csv);
  }

  /** {@code format=json|csv}, else the Accept header, else JSON. */
  Format format() throws Invalid {
    Optional<String> format = single("format");
    if (format.isEmpty()) {
      return acceptsCsvOnly ? Format.CSV : Format.JSON;
    }
    return switch (format.get().toLowerCase(Locale.ROOT)) {
      case "json" -> Format.JSON;
      case "csv" -> Format.CSV;
      default -> throw new Invalid("format must be json or csv, found '" + format.get() + "'");
    };
  }

  Optional<LocalDate> date(String name) throws Invalid {
    Optional<String> text = single(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.get()));
    } catch (DateTimeParseException e) {
      throw new Invalid(name + " must be a date such as 2026-03-01, found '" + text.get() + "'");
    }
  }

  /** {@code from} and {@code to}, both required, {@code to} not before {@code from}, at most a quarter. */
  Period period() throws Invalid {
    LocalDate from = date("from").orElseThrow(() -> new Invalid("from is required: the first day, such as 2026-03-01"));
    LocalDate to = date("to").orElseThrow(() -> new Invalid("to is required: the last day, such as 2026-03-31"));
    if (to.isBefore(from)) {
      throw new Invalid("to (" + to + ") is before from (" + from + ")");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > MAX_PERIOD_DAYS) {
      throw new Invalid("a report covers at most " + MAX_PERIOD_DAYS + " days, " + from + ".." + to + " is " + days);
    }
    return new Period(from, to);
  }

  int offset() throws Invalid {
    return number("offset", 0, 0, Integer.MAX_VALUE);
  }

  int limit() throws Invalid {
    return number("limit", DEFAULT_LIMIT, 1, Slice.MAX_LIMIT);
  }

  /** A parameter naming one of {@code values} (case-insensitive), mapped by {@code parse}. */
  <T> Optional<T> choice(String name, List<String> values, Function<String, T> parse) throws Invalid {
    Optional<String> text = single(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String lower = text.get().toLowerCase(Locale.ROOT);
    if (!values.contains(lower)) {
      throw new Invalid(name + " must be one of " + String.join(", ", values) + ", found '" + text.get() + "'");
    }
    return Optional.of(parse.apply(lower));
  }

  private int number(String name, int absent, int min, int max) throws Invalid {
    Optional<String> text = single(name);
    if (text.isEmpty()) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value < min || value > max) {
        throw new Invalid(name + " must be within " + min + ".." + max + ", found " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new Invalid(name + " must be a whole number, found '" + text.get() + "'");
    }
  }

  private Optional<String> single(String name) throws Invalid {
    List<String> values = query.getAll(name);
    if (values.size() > 1) {
      throw new Invalid(name + " is given " + values.size() + " times; give it once");
    }
    return values.stream().findFirst();
  }
}
