package org.adcs.mdm.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.adcs.mdm.masterdata.Period;
import org.adcs.mdm.masterdata.ServicePointState;
import org.adcs.mdm.masterdata.ServicePointTimeline;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.vee.ValidatedDay;

/**
 * Computes billing quantities by strict rules (R-MD-4, R-DAT-3): the period is split where framing,
 * service point relationship (account, meter) or season changes; a part gets quantities only when the
 * requester is its billing agent, a meter serves it, every interval has a billable validated value
 * (R-VEE-2) and the intervals' sum agrees with the register difference; otherwise its status says why.
 */
public final class BillingQuantities {

  private final BillingSettings settings;
  private final MeterData data;
  private final Framer framer;

  public BillingQuantities(BillingSettings settings, MeterData data) {
    this.settings = settings;
    this.data = data;
    this.framer = new Framer(settings.calendar());
  }

  /** @param timeline the service point's relationships; empty when it was never synchronised */
  public BqResponse compute(BqRequest request, Optional<ServicePointTimeline> timeline, Instant versionTime) {
    ServicePointTimeline points = timeline.orElse(ServicePointTimeline.empty(request.sdpId()));
    Map<DayKey, Optional<ValidatedDay>> days = new HashMap<>();
    List<BqPart> parts = new ArrayList<>();
    for (BqPart.Stretch s : stretches(request, points)) {
      parts.add(part(request, s, points.at(s.from()), days));
    }
    return new BqResponse(request.requestId(), request.sdpId(), request.requester(), request.from(), request.to(),
        versionTime, parts);
  }

  private List<BqPart.Stretch> stretches(BqRequest request, ServicePointTimeline timeline) {
    TreeSet<Instant> cuts = new TreeSet<>();
    cuts.add(request.from());
    cuts.add(request.to());
    request.framings().forEach(f -> cuts.add(f.from()));
    for (Period p : timeline.periods()) {
      cuts.add(p.from());
      p.to().ifPresent(cuts::add);
    }
    BillingCalendar calendar = settings.calendar();
    ZoneId zone = calendar.zone();
    LocalDate last = request.to().atZone(zone).toLocalDate();
    for (LocalDate d = request.from().atZone(zone).toLocalDate().plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
      if (!calendar.season(d).equals(calendar.season(d.minusDays(1)))) {
        cuts.add(d.atStartOfDay(zone).toInstant());
      }
    }
    List<Instant> inside = new ArrayList<>(cuts.subSet(request.from(), true, request.to(), true));
    List<BqPart.Stretch> result = new ArrayList<>();
    for (int i = 0; i + 1 < inside.size(); i++) {
      Instant from = inside.get(i);
      Optional<ServicePointState> state = timeline.at(from);
      result.add(new BqPart.Stretch(from, inside.get(i + 1), framingAt(request, from),
          calendar.season(from.atZone(zone).toLocalDate()).name(),
          state.map(ServicePointState::account).orElse(""), state.map(ServicePointState::meter).orElse("")));
    }
    return result;
  }

  private static Framing framingAt(BqRequest request, Instant at) {
    Framing result = request.framings().get(0).framing();
    for (BqRequest.FramingChange change : request.framings()) {
      if (!change.from().isAfter(at)) {
        result = change.framing();
      }
    }
    return result;
  }

  private BqPart part(BqRequest request, BqPart.Stretch s, Optional<ServicePointState> found,
      Map<DayKey, Optional<ValidatedDay>> days) {
    if (found.isEmpty()) {
      return BqPart.failed(s, BqStatus.INACTIVE_SERVICE_POINT, "service point " + request.sdpId()
          + " has no relationship in effect from " + s.from());
    }
    ServicePointState state = found.get();
    if (!request.requester().equals(state.billingAgent())) {
      return BqPart.failed(s, BqStatus.NOT_BILLING_AGENT, request.requester() + " is not the billing agent of"
          + " service point " + request.sdpId() + " from " + s.from());
    }
    if (state.meter().isBlank()) {
      return BqPart.failed(s, BqStatus.NO_METER, "service point " + request.sdpId() + " has no meter from " + s.from());
    }
    Optional<String> channel = request.channel().or(() -> state.channels().stream().findFirst());
    if (channel.isEmpty()) {
      return BqPart.failed(s, BqStatus.NO_METER, "meter " + state.meter() + " has no channel set up");
    }
    String meter = state.meter();
    List<Interval> intervals = new ArrayList<>();
    String unit = "";
    ZoneId standard = settings.standardTime();
    LocalDate lastDay = s.to().minusNanos(1).atZone(standard).toLocalDate();
    for (LocalDate day = s.from().atZone(standard).toLocalDate(); !day.isAfter(lastDay); day = day.plusDays(1)) {
      Optional<ValidatedDay> validated = days.computeIfAbsent(new DayKey(meter, channel.get(), day),
          k -> data.validatedDay(k.meter(), k.channel(), k.day()));
      Instant dayStart = day.atStartOfDay(standard).toInstant();
      if (validated.isEmpty()) {
        return BqPart.failed(s, BqStatus.MISSING_INTERVAL, "meter " + meter + " channel " + channel.get()
            + " has no validated intervals from " + max(dayStart, s.from()));
      }
      ValidatedDay v = validated.get();
      unit = v.channel().unit();
      for (int i = 0; i < v.intervalCount(); i++) {
        Instant start = dayStart.plusSeconds(i * v.intervalMinutes() * 60L);
        Instant end = start.plusSeconds(v.intervalMinutes() * 60L);
        if (end.isAfter(s.from()) && start.isBefore(s.to())) {
          if (start.isBefore(s.from()) || end.isAfter(s.to())) {
            return BqPart.failed(s, BqStatus.FRAMING_NOT_APPLICABLE, "the part boundary does not fall on an"
                + " interval boundary of meter " + meter + " (interval " + start + " to " + end + ")");
          }
          if (!v.status(i).billable()) {
            return BqPart.failed(s, BqStatus.NVE_INTERVAL, "the interval of meter " + meter + " ending " + end
                + " is " + v.status(i).code() + " (needs verification)");
          }
          intervals.add(new Interval(start, v.intervalMinutes(), BigDecimal.valueOf(v.value(i), -v.scale())));
        }
      }
    }
    Optional<BqPart> sumCheck = sumCheck(request, s, meter, channel.get(), intervals);
    if (sumCheck.isPresent()) {
      return sumCheck.get();
    }
    try {
      return new BqPart(s.from(), s.to(), s.framing().wireName(), s.season(), s.account(), meter, BqStatus.OK, "",
          framer.frame(s.framing(), s, intervals, unit));
    } catch (Framer.NotApplicable e) {
      return BqPart.failed(s, BqStatus.FRAMING_NOT_APPLICABLE, e.getMessage());
    }
  }

  /**
   * Compares the intervals between the part's first and last register reads with the reads'
   * difference (R-VEE-2's sum check); empty when it passes.
   */
  private Optional<BqPart> sumCheck(BqRequest request, BqPart.Stretch s, String meter, String channel,
      List<Interval> intervals) {
    String register = request.registerChannel().orElse(channel);
    LocalDateTime from = LocalDateTime.ofInstant(s.from(), settings.standardTime());
    LocalDateTime to = LocalDateTime.ofInstant(s.to(), settings.standardTime());
    List<RegisterRead> reads = data.firstAndLastRead(meter, register, from, to);
    if (reads.size() < 2 || reads.get(0).readAt().equals(reads.get(reads.size() - 1).readAt())) {
      return Optional.of(BqPart.failed(s, BqStatus.NO_REGISTER_READS, "meter " + meter + " has " + reads.size()
          + " register read(s) of " + register + " from " + s.from() + " to " + s.to() + "; the sum check needs two"));
    }
    RegisterRead first = reads.get(0);
    RegisterRead last = reads.get(reads.size() - 1);
    Instant start = first.readAt().toInstant(settings.standardTime());
    Instant end = last.readAt().toInstant(settings.standardTime());
    BigDecimal registerDifference = BigDecimal.valueOf(last.value(), -last.scale())
        .subtract(BigDecimal.valueOf(first.value(), -first.scale()));
    BigDecimal intervalSum = Framer.sum(intervals.stream()
        .filter(i -> !i.start().isBefore(start) && !i.end().isAfter(end)).toList());
    BigDecimal difference = intervalSum.subtract(registerDifference).abs();
    BigDecimal threshold = settings.sumCheckThreshold(registerDifference);
    if (difference.compareTo(threshold) > 0) {
      return Optional.of(BqPart.failed(s, BqStatus.SUM_CHECK_EXCEEDED, "intervals from " + start + " to " + end
          + " sum to " + intervalSum.toPlainString() + " but the register advanced " + registerDifference.toPlainString()
          + "; the difference " + difference.toPlainString() + " exceeds " + threshold.toPlainString()));
    }
    return Optional.empty();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private record DayKey(String meter, String channel, LocalDate day) {}
}
