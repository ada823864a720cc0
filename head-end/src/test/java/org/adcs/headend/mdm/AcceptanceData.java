package org.adcs.headend.mdm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.VeeFlag;

/**
 * The MDMA acceptance data (R-MD-6): as the seeds' procedure asks, 2 months (60 days) of interval data
 * for 10 customers (15-minute kWh import, kVARh, and on half of them kWh export, with pulse and meter
 * multipliers) and of register reads for 10 non-interval service accounts, deterministic from a seed. Into the import channel it injects, on known days, a
 * spike, a gap of at most 2 hours, a gap of more than 2 hours, a register that disagrees with the
 * intervals (sum check), a high, a low and a zero-usage day; into kVARh a short gap. Each customer has
 * its own days, and no injected day is a like day (same weekday 1-4 weeks earlier) of another
 * injected day whose check depends on it, so every expected outcome follows from the documented rules
 * (R-VEE-1, R-VEE-2) and the data alone.
 *
 * <p>Expected values are in stored units (the multiplied value at the channel's scale) and come from
 * what was injected: actual values as sent, linear interpolation between the neighbours for a gap up
 * to 2 hours, the mean of the like days' billable values for a longer one.
 */
final class AcceptanceData {

  static final int DAYS = 60;
  static final int INTERVALS = 96;
  static final int INTERVAL_CUSTOMERS = 10;
  static final int REGISTER_CUSTOMERS = 10;
  static final String IMPORT = "active-import";
  static final String EXPORT = "active-export";
  static final String REACTIVE = "reactive-import";

  /** What the generator put into a day of the import (or kVARh) channel. */
  enum Injection { SPIKE, SHORT_GAP, LONG_GAP, SUM_CHECK, HIGH, LOW, ZERO }

  /** Pulse and meter multipliers per interval meter: products 1, 0.1, 2, 0.1, 0.5, 2, 0.1, 2, 5 and 0.2. */
  private static final String[][] MULTIPLIERS = {{"1", "1"}, {"0.1", "1"}, {"0.5", "4"}, {"0.01", "10"}, {"0.5", "1"},
      {"1", "2"}, {"0.25", "0.4"}, {"0.2", "10"}, {"0.5", "10"}, {"0.02", "10"}};

  record Channel(String name, String unit) {}

  /** One channel day: pulses as the meter sends them (-1 = missing) and the expected posted result. */
  static final class ChannelDay {
    final Channel channel;
    final LocalDate day;
    final long[] pulses = new long[INTERVALS];
    final long[] expected = new long[INTERVALS];
    final IntervalStatus[] status = new IntervalStatus[INTERVALS];
    @SuppressWarnings("unchecked")
    final Set<VeeFlag>[] flags = new Set[INTERVALS];
    Injection injection;

    ChannelDay(Channel channel, LocalDate day) {
      this.channel = channel;
      this.day = day;
      for (int i = 0; i < INTERVALS; i++) {
        status[i] = IntervalStatus.VALID;
        flags[i] = EnumSet.noneOf(VeeFlag.class);
      }
    }

    boolean present(int i) {
      return pulses[i] >= 0;
    }
  }

  /** One customer: a service point with its account, billing agent, meter and its data. */
  static final class Customer {
    final String servicePoint;
    final String account;
    final String party;
    final String meter;
    final BigDecimal pulseMultiplier;
    final BigDecimal meterMultiplier;
    final boolean intervalMeter;
    final List<Channel> channels = new ArrayList<>();
    /** channel name -> day index -> day. */
    final Map<String, ChannelDay[]> days = new LinkedHashMap<>();
    /** Import register at 00:00 of day index d (d = 0..DAYS), in stored units; null where not read. */
    final Long[] registers = new Long[DAYS + 1];

    Customer(String servicePoint, String account, String party, String meter, BigDecimal pulseMultiplier,
        BigDecimal meterMultiplier, boolean intervalMeter) {
      this.servicePoint = servicePoint;
      this.account = account;
      this.party = party;
      this.meter = meter;
      this.pulseMultiplier = pulseMultiplier;
      this.meterMultiplier = meterMultiplier;
      this.intervalMeter = intervalMeter;
    }

    BigDecimal multiplier() {
      return pulseMultiplier.multiply(meterMultiplier).stripTrailingZeros();
    }

    /** The decimal scale of stored values: exact for every product of pulses and the multiplier. */
    int scale() {
      return -Math.max(0, multiplier().scale());
    }

    /** Stored units per pulse. */
    long factor() {
      return multiplier().scaleByPowerOfTen(-scale()).longValueExact();
    }

    BigDecimal engineering(long stored) {
      return BigDecimal.valueOf(stored, -scale());
    }
  }

  final LocalDate firstDay;
  final List<String> parties;
  final List<Customer> customers = new ArrayList<>();
  final Map<Injection, Integer> injected = new EnumMap<>(Injection.class);

  AcceptanceData(long seed, LocalDate firstDay, String suffix, List<String> parties) {
    this.firstDay = firstDay;
    this.parties = List.copyOf(parties);
    Random random = new Random(seed);
    for (int c = 0; c < INTERVAL_CUSTOMERS + REGISTER_CUSTOMERS; c++) {
      boolean interval = c < INTERVAL_CUSTOMERS;
      String[] m = interval ? MULTIPLIERS[c] : new String[] {"1", "1"};
      Customer customer = new Customer("SDP-" + c + "-" + suffix, "ACC-" + c + "-" + suffix,
          parties.get(c % parties.size()), "ACM" + c + "-" + suffix, new BigDecimal(m[0]), new BigDecimal(m[1]),
          interval);
      if (interval) {
        interval(customer, c, random);
      } else {
        long register = 1_000_000L + random.nextInt(100_000);
        for (int d = 0; d <= DAYS; d++) {
          customer.registers[d] = register;
          register += 5_000 + random.nextInt(20_000);
        }
      }
      customers.add(customer);
    }
  }

  LocalDate day(int index) {
    return firstDay.plusDays(index);
  }

  private void interval(Customer customer, int c, Random random) {
    customer.channels.add(new Channel(IMPORT, "Wh"));
    customer.channels.add(new Channel(REACTIVE, "varh"));
    if (c % 2 == 0) {
      customer.channels.add(new Channel(EXPORT, "Wh"));
    }
    int o = c % 5; // each customer's injections on its own days
    Map<Integer, Injection> plan = Map.of(10 + o, Injection.SPIKE, 20 + o, Injection.SHORT_GAP, 30 + o,
        Injection.LONG_GAP, 40 + o, Injection.SUM_CHECK, 45 + o, Injection.HIGH, 50 + o, Injection.LOW, 55 + o,
        Injection.ZERO);
    for (Channel channel : customer.channels) {
      ChannelDay[] days = new ChannelDay[DAYS];
      customer.days.put(channel.name(), days);
      for (int d = 0; d < DAYS; d++) {
        ChannelDay day = new ChannelDay(channel, day(d));
        double level = 0.9 + 0.2 * random.nextDouble();
        for (int i = 0; i < INTERVALS; i++) {
          double target = switch (channel.name()) {
            case IMPORT -> (300 + 200 * Math.sin(Math.PI * i / INTERVALS) + random.nextInt(200)) * level;
            case REACTIVE -> (100 + random.nextInt(200)) * level;
            default -> i < 28 || i > 72 ? 0 : (400 * Math.sin(Math.PI * (i - 28) / 44) + random.nextInt(40)) * level;
          };
          day.pulses[i] = Math.round(target / customer.factor());
        }
        if (channel.name().equals(IMPORT) && plan.containsKey(d)) {
          inject(day, plan.get(d), customer, random);
        } else if (channel.name().equals(REACTIVE) && d == 25 + o) {
          inject(day, Injection.SHORT_GAP, customer, random);
        }
        days[d] = day;
      }
      expect(customer, days);
    }
    // Import registers follow the meter's true usage (missing intervals included); the sum-check day's
    // end read is off by 5000 stored units, and gap days have no end read (the read failed that night).
    ChannelDay[] imports = customer.days.get(IMPORT);
    long register = 10_000_000L + random.nextInt(1_000_000);
    customer.registers[0] = register;
    for (int d = 0; d < DAYS; d++) {
      ChannelDay day = imports[d];
      for (int i = 0; i < INTERVALS; i++) {
        register += (day.present(i) ? day.pulses[i] : 10) * customer.factor();
      }
      if (day.injection == Injection.SUM_CHECK) {
        register += 5_000;
      }
      boolean gap = day.injection == Injection.SHORT_GAP || day.injection == Injection.LONG_GAP;
      customer.registers[d + 1] = gap ? null : register;
    }
  }

  private void inject(ChannelDay day, Injection what, Customer customer, Random random) {
    day.injection = what;
    injected.merge(what, 1, Integer::sum);
    switch (what) {
      case SPIKE -> day.pulses[20 + random.nextInt(60)] = 10_000 / customer.factor();
      case SHORT_GAP -> {
        int start = 10 + random.nextInt(70);
        int length = 1 + random.nextInt(8); // 15 minutes to 2 hours
        for (int i = start; i < start + length; i++) {
          day.pulses[i] = -1;
        }
      }
      case LONG_GAP -> {
        int start = 20 + random.nextInt(40);
        int length = 9 + random.nextInt(16); // 2 h 15 min to 6 h
        for (int i = start; i < start + length; i++) {
          day.pulses[i] = -1;
        }
      }
      case HIGH -> scale(day, 8, 1);
      case LOW -> scale(day, 1, 10);
      case ZERO -> scale(day, 0, 1);
      case SUM_CHECK -> { } // in the registers
    }
  }

  private static void scale(ChannelDay day, long times, long divide) {
    for (int i = 0; i < INTERVALS; i++) {
      day.pulses[i] = day.pulses[i] * times / divide;
    }
  }

  /** The expected posted values, statuses and flags of a channel's days, oldest first. */
  private static void expect(Customer customer, ChannelDay[] days) {
    for (int d = 0; d < DAYS; d++) {
      ChannelDay day = days[d];
      for (int i = 0; i < INTERVALS; i++) {
        day.expected[i] = day.present(i) ? day.pulses[i] * customer.factor() : 0;
      }
      if (day.injection == null) {
        continue;
      }
      switch (day.injection) {
        case SPIKE -> {
          for (int i = 0; i < INTERVALS; i++) {
            if (day.pulses[i] * customer.factor() >= 10_000 - customer.factor()) {
              day.status[i] = IntervalStatus.NEEDS_VERIFY;
              day.flags[i].add(VeeFlag.SPIKE);
            }
          }
        }
        case SHORT_GAP -> linear(day);
        case LONG_GAP -> likeDays(day, days, d);
        case SUM_CHECK -> all(day, VeeFlag.SUM_CHECK_FAILED);
        case HIGH -> all(day, VeeFlag.HIGH_USAGE);
        case LOW -> all(day, VeeFlag.LOW_USAGE);
        case ZERO -> all(day, VeeFlag.ZERO_USAGE);
      }
    }
  }

  /** R-VEE-2: a gap up to 2 hours is the straight line between its actual neighbours. */
  private static void linear(ChannelDay day) {
    int start = 0;
    while (day.present(start)) {
      start++;
    }
    int end = start;
    while (!day.present(end + 1)) {
      end++;
    }
    long left = day.expected[start - 1];
    long right = day.expected[end + 1];
    int length = end - start + 1;
    for (int k = 1; k <= length; k++) {
      int i = start + k - 1;
      day.expected[i] = Math.max(0, Math.round(left + (right - left) * (double) k / (length + 1)));
      estimated(day, i, VeeFlag.ESTIMATED_LINEAR);
    }
  }

  /** R-VEE-2: a longer gap is the mean of the same interval on the like days (same weekday, 1-4 weeks back). */
  private static void likeDays(ChannelDay day, ChannelDay[] days, int d) {
    for (int i = 0; i < INTERVALS; i++) {
      if (day.present(i)) {
        continue;
      }
      long sum = 0;
      int count = 0;
      for (int week = 1; week <= 4 && d - 7 * week >= 0; week++) {
        ChannelDay like = days[d - 7 * week];
        if (like.status[i].billable()) {
          sum += like.expected[i];
          count++;
        }
      }
      day.expected[i] = Math.round((double) sum / count);
      estimated(day, i, VeeFlag.ESTIMATED_LIKE_DAY);
    }
  }

  private static void estimated(ChannelDay day, int i, VeeFlag how) {
    day.status[i] = IntervalStatus.ESTIMATED;
    day.flags[i].add(VeeFlag.GAP);
    day.flags[i].add(how);
  }

  private static void all(ChannelDay day, VeeFlag flag) {
    for (int i = 0; i < INTERVALS; i++) {
      day.status[i] = IntervalStatus.NEEDS_VERIFY;
      day.flags[i].add(flag);
    }
  }
}
