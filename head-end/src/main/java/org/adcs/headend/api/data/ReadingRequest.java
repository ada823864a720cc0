package org.adcs.headend.api.data;

import akka.http.javadsl.model.StatusCodes;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.adcs.mdm.query.ReadingQueries;
import org.adcs.mdm.reading.Channel;

/**
 * What a data request asks for (R-DAT-1): meters, a period of whole days in the requester's time zone
 * (by default the meters' standard time, R-COL-6), raw or validated data, channels and format, checked
 * against the bounds of {@link DataSettings}.
 */
public record ReadingRequest(List<String> meters, ReadingPeriod period, ReadingQueries.Kind kind,
    List<Channel> channels, ReadingFormat format) {

  /** 1-64 letters, digits or . _ : - (as for on-demand reads). */
  static final Pattern METER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  static final List<Channel> CHANNELS = List.of(Channel.ACTIVE_IMPORT, Channel.ACTIVE_EXPORT);

  public ReadingRequest {
    meters = List.copyOf(meters);
    channels = List.copyOf(channels);
  }

  public ReadingWriter.Heading heading() {
    return new ReadingWriter.Heading(kind.name().toLowerCase(Locale.ROOT), period.zone().getId(), period.from(),
        period.to());
  }

  /** Meter ids from repeated or comma-separated values; 400 for a bad one, 413 for too many. */
  static List<String> meters(List<String> values, DataSettings limits) {
    Set<String> ids = new LinkedHashSet<>();
    for (String value : values) {
      for (String id : value.split(",")) {
        String meter = id.strip();
        if (meter.isEmpty()) {
          continue;
        }
        if (!METER_ID.matcher(meter).matches()) {
          throw new InvalidRequest("Invalid meter id", "a meter id is 1-64 letters, digits or . _ : -; found \""
              + clip(meter) + "\"");
        }
        ids.add(meter);
      }
    }
    if (ids.isEmpty()) {
      throw new InvalidRequest("Meters missing", "name the meters: ?meter=<id>[,<id>...]");
    }
    if (ids.size() > limits.maxMeters()) {
      throw new InvalidRequest(StatusCodes.PAYLOAD_TOO_LARGE, "Request too large", "at most " + limits.maxMeters()
          + " meters per request, found " + ids.size() + "; split the request or use an extract");
    }
    return List.copyOf(ids);
  }

  static LocalDate day(String name, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequest("Invalid date", name + " is a day as YYYY-MM-DD, found \"" + clip(text) + "\"");
    }
  }

  /** The requester's zone (an IANA id such as Europe/Paris, or an offset); the meters' standard time if absent. */
  static ZoneId zone(Optional<String> text, ZoneOffset meterStandardTime) {
    if (text.isEmpty() || text.get().isBlank()) {
      return meterStandardTime;
    }
    try {
      return ZoneId.of(text.get().strip());
    } catch (DateTimeException e) {
      throw new InvalidRequest("Unknown time zone", "zone is an IANA time zone such as Europe/Paris or an offset"
          + " such as +01:00; found \"" + clip(text.get()) + "\"");
    }
  }

  static ReadingQueries.Kind kind(Optional<String> text) {
    String kind = text.map(t -> t.strip().toLowerCase(Locale.ROOT)).orElse("validated");
    return switch (kind) {
      case "raw" -> ReadingQueries.Kind.RAW;
      case "validated" -> ReadingQueries.Kind.VALIDATED;
      default -> throw new InvalidRequest("Unknown kind", "kind is raw or validated, found \"" + clip(kind) + "\"");
    };
  }

  static List<Channel> channels(List<String> values) {
    List<Channel> wanted = new ArrayList<>();
    for (String value : values) {
      for (String name : value.split(",")) {
        String n = name.strip();
        if (n.isEmpty()) {
          continue;
        }
        Channel channel = CHANNELS.stream().filter(c -> c.name().equals(n)).findFirst()
            .orElseThrow(() -> new InvalidRequest("Unknown channel", "channel is one of "
                + CHANNELS.stream().map(Channel::name).toList() + ", found \"" + clip(n) + "\""));
        if (!wanted.contains(channel)) {
          wanted.add(channel);
        }
      }
    }
    return wanted.isEmpty() ? CHANNELS : wanted;
  }

  /** {@code format=} wins over the Accept header; JSON when neither names one. */
  static ReadingFormat format(Optional<String> param, Optional<String> accept) {
    if (param.isPresent()) {
      return ReadingFormat.ofWire(param.get()).orElseThrow(() -> new InvalidRequest("Unknown format",
          "format is one of " + ReadingFormat.allWire() + ", found \"" + clip(param.get()) + "\""));
    }
    if (accept.isEmpty() || accept.get().isBlank()) {
      return ReadingFormat.JSON;
    }
    return ReadingFormat.ofAccept(accept.get()).orElseThrow(() -> new InvalidRequest(StatusCodes.NOT_ACCEPTABLE,
        "Not acceptable", "readings are served as application/json, text/csv or application/xml; Accept: "
            + clip(accept.get())));
  }

  static ReadingPeriod period(LocalDate from, LocalDate to, ZoneId zone, int meters, DataSettings limits) {
    if (!from.isBefore(to)) {
      throw new InvalidRequest("Empty period", "to (exclusive) must be after from; found from " + from + " to " + to);
    }
    ReadingPeriod period = new ReadingPeriod(from, to, zone);
    if (period.days() > limits.maxDays()) {
      throw new InvalidRequest(StatusCodes.PAYLOAD_TOO_LARGE, "Request too large", "at most " + limits.maxDays()
          + " days per request, found " + period.days() + "; split the request or use an extract");
    }
    if (period.days() * meters > limits.maxMeterDays()) {
      throw new InvalidRequest(StatusCodes.PAYLOAD_TOO_LARGE, "Request too large", "at most "
          + limits.maxMeterDays() + " meter-days per request, found " + meters + " meters x " + period.days()
          + " days; split the request or use an extract");
    }
    return period;
  }

  private static String clip(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
