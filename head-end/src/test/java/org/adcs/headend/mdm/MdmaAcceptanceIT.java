package org.adcs.headend.mdm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel;
import org.adcs.headend.meter.MeterModel.ConnectionKind;
import org.adcs.headend.meter.MeterModel.Registration;
import org.adcs.headend.mdm.AcceptanceData.ChannelDay;
import org.adcs.headend.mdm.AcceptanceData.Customer;
import org.adcs.headend.testing.Await;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.SharedClock;
import org.adcs.headend.testing.TestNodes;
import org.adcs.mdm.market.CmepParser;
import org.adcs.mdm.market.CmepRecord;
import org.adcs.mdm.market.MarketCodes;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.VeeFlag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seeds' own acceptance test (R-MD-6, with R-VEE-1, R-VEE-2, R-MD-1 and R-MD-5): the MDMA test data
 * of {@link AcceptanceData} goes in the way production data does (master data over the sync API, each
 * meter's nightly delivery to its meter entity, so through the journal, the bridge's projection, the
 * master-data gate and VEE into the real Cassandra store); the daily market run is triggered over the
 * API with the clock moved on; each party collects its files from its own mailbox with its own token.
 * Every delivered interval must equal the value, status (and, in CSV, flags) the data's own rules give,
 * 100 % per service account, and no party may list or fetch another's files.
 */
class MdmaAcceptanceIT {

  private static final String KEYSPACE = "adcs_accept_it";
  private static final String SUFFIX = Long.toHexString(System.nanoTime() % 0xffffff);
  private static final String CMEP_PARTY = "esp-c" + SUFFIX;
  private static final List<String> PARTIES = List.of(CMEP_PARTY, "esp-v" + SUFFIX, "esp-w" + SUFFIX);
  private static final Duration ASK = Duration.ofSeconds(30);

  /** Real time, moved on by the test as days pass. */
  private static final SharedClock clock = new SharedClock();
  private static HeadEnd headEnd;
  private static ApiClient api;
  private static String operator;

  @BeforeAll
  static void start() {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("accept"), KEYSPACE);
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00");
    env.put("ADCS_MARKET_DELIVERY_TIME", "00:00");
    env.put("ADCS_MARKET_PARTIES", "{" + PARTIES.get(0) + " = cmep, " + PARTIES.get(1) + " = csv, " + PARTIES.get(2)
        + " = csv}");
    env.put("ADCS_MARKET_CHECK", "1h"); // the test runs deliveries itself
    env.put("ADCS_MARKET_LOOKBACK_DAYS", "62");
    headEnd = HeadEnd.start(TestNodes.settings(env), clock);
    api = new ApiClient(headEnd.httpUrl());
    operator = api.tokenFor("accept-operator", "operator");
  }

  @AfterAll
  static void stop() {
    if (headEnd != null) {
      headEnd.close();
    }
  }

  @Test
  void postedDataInEachPartysMailboxMatchesTheExpectedDataAndEveryVeeCaseIsFlagged() throws Exception {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    var data = new AcceptanceData(20_240_601L, today.minusDays(AcceptanceData.DAYS), SUFFIX, PARTIES);

    Map<String, String> tokens = new HashMap<>();
    PARTIES.forEach(party -> tokens.put(party, api.tokenFor(party, "third-party")));
    syncMasterData(data);
    // The first run sets each party's cursor at today's cut-off: everything posted from now on is new.
    List<JsonNode> first = deliveries();
    assertEquals(PARTIES.size(), first.size());
    // A day with nothing posted is an empty CMEP file: collected as such (no content).
    String empty = first.stream().filter(d -> d.get("party").asText().equals(CMEP_PARTY)).findFirst().orElseThrow()
        .get("fileId").asText();
    HttpResponse<String> emptyFile = api.send("GET", "/api/v1/mailbox/" + empty, tokens.get(CMEP_PARTY), null);
    assertEquals(204, emptyFile.statusCode(), emptyFile.body());

    feed(data);
    awaitPosted(data, Duration.ofSeconds(180));

    // Two days on, the two files of each party due since hold everything posted.
    clock.follow(Clock.offset(Clock.systemUTC(), Duration.ofDays(2)));
    List<JsonNode> delivered = deliveries();
    assertEquals(2 * PARTIES.size(), delivered.size(), delivered.toString());

    Map<String, List<String>> files = new HashMap<>();
    Map<String, Delivered> received = new HashMap<>();
    Map<String, RegisterSeen> registerReads = new HashMap<>();
    for (String party : PARTIES) {
      List<String> ids = delivered.stream().filter(d -> d.get("party").asText().equals(party))
          .map(d -> d.get("fileId").asText()).toList();
      files.put(party, ids);
      JsonNode listed = ApiClient.json(api.send("GET", "/api/v1/mailbox", tokens.get(party), null)).get("files");
      Set<String> listedIds = new java.util.HashSet<>();
      listed.forEach(f -> listedIds.add(f.get("id").asText()));
      assertTrue(listedIds.containsAll(ids), party + " lists its files");
      for (String id : ids) {
        HttpResponse<String> file = api.send("GET", "/api/v1/mailbox/" + id, tokens.get(party), null);
        assertTrue(file.statusCode() == 200 || file.statusCode() == 204 && party.equals(CMEP_PARTY), file.body());
        if (party.equals(CMEP_PARTY)) {
          readCmep(party, file.body(), received, registerReads);
        } else {
          readCsv(party, file.body(), received, registerReads);
        }
      }
    }

    Map<VeeFlag, Integer> flagged = new EnumMap<>(VeeFlag.class);
    int intervals = 0;
    int flagsCompared = 0;
    int channelDays = 0;
    for (Customer customer : data.customers) {
      if (!customer.intervalMeter) {
        continue;
      }
      for (var entry : customer.days.entrySet()) {
        for (ChannelDay expected : entry.getValue()) {
          String key = key(customer.servicePoint, customer.meter, entry.getKey(), expected.day);
          Delivered got = received.remove(key);
          assertTrue(got != null, "delivered to " + customer.party + ": " + key);
          assertEquals(customer.party, got.party, key);
          channelDays++;
          for (int i = 0; i < AcceptanceData.INTERVALS; i++) {
            String where = key + " interval " + i + " (" + expected.injection + ")";
            assertEquals(0, customer.engineering(expected.expected[i]).compareTo(got.values[i]),
                where + ": expected " + customer.engineering(expected.expected[i]) + ", delivered " + got.values[i]);
            assertEquals(expected.status[i], got.status[i], where);
            if (got.flags[i] != null) {
              assertEquals(expected.flags[i], got.flags[i], where);
              flagsCompared++;
            }
            expected.flags[i].forEach(f -> flagged.merge(f, 1, Integer::sum));
            intervals++;
          }
        }
      }
    }
    assertTrue(received.isEmpty(), "nothing delivered beyond the expected data: " + received.keySet());

    // Non-interval accounts: every register read is in its party's file, with its value and read time
    // (R-MD-5). An interval meter's import register read on a day with no intervals yet (today) is
    // delivered the same way, and must match too.
    int registerChecked = 0;
    for (Customer customer : data.customers) {
      for (int d = 0; d <= AcceptanceData.DAYS; d++) {
        LocalDateTime at = data.day(d).atStartOfDay();
        String key = customer.servicePoint + "|" + customer.meter + "|" + AcceptanceData.IMPORT + "|" + at;
        RegisterSeen got = registerReads.remove(key);
        if (customer.intervalMeter && got == null) {
          continue;
        }
        assertTrue(got != null, "register read delivered to " + customer.party + ": " + key);
        assertEquals(customer.party, got.party(), key);
        assertTrue(customer.registers[d] != null, "no read was taken at " + key);
        assertEquals(0, customer.engineering(customer.registers[d]).compareTo(got.value()),
            key + ": expected " + customer.engineering(customer.registers[d]) + ", delivered " + got.value());
        registerChecked++;
      }
    }
    assertTrue(registerReads.isEmpty(), "no register read delivered beyond the generated ones: "
        + registerReads.keySet());
    assertTrue(registerChecked >= AcceptanceData.REGISTER_CUSTOMERS * (AcceptanceData.DAYS + 1),
        "every non-interval account's reads checked: " + registerChecked);

    // No party lists or fetches another's files.
    for (String party : PARTIES) {
      for (String other : PARTIES) {
        if (other.equals(party)) {
          continue;
        }
        assertEquals(403, api.send("GET", "/api/v1/mailbox?party=" + other, tokens.get(party), null).statusCode());
        for (String id : files.get(other)) {
          assertEquals(404, api.send("GET", "/api/v1/mailbox/" + id, tokens.get(party), null).statusCode());
        }
      }
    }

    // Every injected case shows up with its flag.
    for (VeeFlag flag : List.of(VeeFlag.SPIKE, VeeFlag.GAP, VeeFlag.ESTIMATED_LINEAR, VeeFlag.ESTIMATED_LIKE_DAY,
        VeeFlag.SUM_CHECK_FAILED, VeeFlag.HIGH_USAGE, VeeFlag.LOW_USAGE, VeeFlag.ZERO_USAGE)) {
      assertTrue(flagged.getOrDefault(flag, 0) > 0, flag + " checked");
    }
    System.out.printf("MDMA acceptance: %d interval customers and %d non-interval accounts (%d register reads"
        + " matched in the files), %d parties;"
        + " %d channel days, %d intervals matched 100%% (values and quality; VEE flags compared on %d in CSV files);"
        + " injected %s; expected flags %s%n", AcceptanceData.INTERVAL_CUSTOMERS, AcceptanceData.REGISTER_CUSTOMERS,
        registerChecked, PARTIES.size(), channelDays, intervals, flagsCompared, data.injected, flagged);
  }

  private static void syncMasterData(AcceptanceData data) {
    String from = data.day(-1).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
    String records = data.customers.stream().map(c -> "{\"sdpId\":\"" + c.servicePoint + "\",\"uniqueId\":\"U-"
        + c.servicePoint + "\",\"meter\":\"" + c.meter + "\",\"account\":\"" + c.account + "\",\"premise\":\"P-"
        + c.servicePoint + "\",\"billingAgent\":\"" + c.party + "\",\"channels\":["
        + (c.intervalMeter ? c.channels.stream().map(ch -> "\"" + ch.name() + "\"").collect(Collectors.joining(","))
            : "\"" + AcceptanceData.IMPORT + "\"")
        + "],\"effectiveFrom\":\"" + from + "\"}").collect(Collectors.joining(","));
    HttpResponse<String> sync = api.send("POST", "/api/v1/master-data/syncs", operator, "{\"source\":\"cis-accept-"
        + SUFFIX + "\",\"sequence\":1,\"kind\":\"INCREMENTAL\",\"effectiveAt\":\"" + from + "\",\"records\":["
        + records + "]}");
    assertEquals(201, sync.statusCode(), sync.body());
  }

  /** Each meter's nightly deliveries, in order, to its meter entity (journal, projection, gate, VEE, store). */
  private static void feed(AcceptanceData data) throws Exception {
    List<CompletableFuture<?>> meters = new ArrayList<>();
    for (Customer customer : data.customers) {
      var meter = headEnd.meters().meter(customer.meter);
      CompletionStage<?> chain = meter.<Meter.Reply>ask(replyTo -> new Meter.Announce(new Registration(customer.meter,
          "LDN" + customer.meter, "dlms-lls", ConnectionKind.METER_CONNECTS, null, "lls/" + customer.meter),
          clock.instant(), null, replyTo), ASK);
      for (int d = 0; d < AcceptanceData.DAYS; d++) {
        MeterModel.Delivery delivery = delivery(data, customer, d);
        chain = chain.thenCompose(done -> meter.<Meter.Reply>ask(replyTo -> new Meter.Collect(delivery, replyTo), ASK)
            .thenApply(reply -> {
              assertEquals(new Meter.Accepted(true), reply, customer.meter);
              return reply;
            }));
      }
      meters.add(chain.toCompletableFuture());
    }
    CompletableFuture.allOf(meters.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
  }

  private static MeterModel.Delivery delivery(AcceptanceData data, Customer customer, int d) {
    LocalDate day = data.day(d);
    List<MeterModel.ChannelDay> days = new ArrayList<>();
    for (var entry : customer.days.entrySet()) {
      ChannelDay channelDay = entry.getValue()[d];
      long[] pulses = new long[AcceptanceData.INTERVALS];
      BitSet present = new BitSet();
      for (int i = 0; i < pulses.length; i++) {
        if (channelDay.present(i)) {
          pulses[i] = channelDay.pulses[i];
          present.set(i);
        }
      }
      days.add(new MeterModel.ChannelDay(entry.getKey(), channelDay.channel.unit(), customer.multiplier(), day, 15,
          pulses, present.toLongArray(), new int[AcceptanceData.INTERVALS]));
    }
    List<MeterModel.RegisterValue> registers = new ArrayList<>();
    for (int at = d == 0 ? 0 : d + 1; at <= d + 1; at++) {
      if (customer.registers[at] != null) {
        registers.add(new MeterModel.RegisterValue(AcceptanceData.IMPORT, "Wh", data.day(at).atStartOfDay(),
            customer.registers[at], customer.scale()));
      }
    }
    return new MeterModel.Delivery(MeterModel.Source.SCHEDULED, data.day(d + 1).atTime(0, 30).toInstant(ZoneOffset.UTC),
        days, registers);
  }

  /** Waits until each meter's last day (and register-only meters' last read) is posted in the store. */
  private static void awaitPosted(AcceptanceData data, Duration limit) throws Exception {
    LocalDate last = data.day(AcceptanceData.DAYS - 1);
    var store = headEnd.bridge().store();
    long started = System.nanoTime();
    for (Customer customer : data.customers) {
      MeterId meter = new MeterId(customer.meter);
      Duration left = limit.minusNanos(System.nanoTime() - started);
      Await.until("posted within " + limit + ": " + customer.meter, left.isNegative() ? Duration.ZERO : left, () -> {
        if (!customer.intervalMeter) {
          return store.registers().readAt(meter, new Channel(AcceptanceData.IMPORT, "Wh"),
              data.day(AcceptanceData.DAYS).atStartOfDay()).toCompletableFuture().get(30, TimeUnit.SECONDS).isPresent();
        }
        for (var channel : customer.channels) {
          if (store.intervals().validatedAsOf(meter, new Channel(channel.name(), channel.unit()), last, Long.MAX_VALUE)
              .toCompletableFuture().get(30, TimeUnit.SECONDS).isEmpty()) {
            return false;
          }
        }
        return true;
      });
    }
  }


  private static List<JsonNode> deliveries() {
    List<JsonNode> delivered = new ArrayList<>();
    ApiClient.json(api.send("POST", "/api/v1/market/deliveries", operator, null)).get("delivered")
        .forEach(delivered::add);
    return delivered;
  }

  /** One channel day as a party received it; flags only where the format carries them. */
  private record Delivered(String party, BigDecimal[] values, IntervalStatus[] status, Set<VeeFlag>[] flags) {
    @SuppressWarnings("unchecked")
    Delivered(String party) {
      this(party, new BigDecimal[AcceptanceData.INTERVALS], new IntervalStatus[AcceptanceData.INTERVALS],
          new Set[AcceptanceData.INTERVALS]);
    }
  }

  private static String key(String servicePoint, String meter, String channel, LocalDate day) {
    return servicePoint + "|" + meter + "|" + channel + "|" + day;
  }

  /** One register read as a party received it. */
  private record RegisterSeen(String party, BigDecimal value) {}

  private static void register(String party, String servicePoint, String meter, String channel, LocalDateTime at,
      BigDecimal value, Map<String, RegisterSeen> registerReads) {
    String key = servicePoint + "|" + meter + "|" + channel + "|" + at;
    assertEquals(null, registerReads.put(key, new RegisterSeen(party, value)), "register read delivered once: " + key);
  }

  private static void readCmep(String party, String content, Map<String, Delivered> received,
      Map<String, RegisterSeen> registerReads) {
    for (CmepRecord record : CmepParser.parse(content)) {
      assertEquals(party, record.receiver());
      if (record.isRegister()) {
        String[] meterChannel = record.meter().split("/", 2);
        for (var reading : record.readings()) {
          assertEquals("A", reading.quality());
          register(party, record.customer(), meterChannel[0], meterChannel[1], reading.end(), reading.value(),
              registerReads);
        }
        continue;
      }
      assertEquals(15, record.intervalMinutes());
      assertEquals(AcceptanceData.INTERVALS, record.readings().size());
      String[] meterChannel = record.meter().split("/", 2);
      LocalDate day = record.readings().get(0).end().minusMinutes(15).toLocalDate();
      Delivered delivered = new Delivered(party);
      assertEquals(null, received.put(key(record.customer(), meterChannel[0], meterChannel[1], day), delivered),
          "delivered once: " + record.meter() + " " + day);
      for (int i = 0; i < AcceptanceData.INTERVALS; i++) {
        var reading = record.readings().get(i);
        // End-of-interval stamps; the day's last interval ends at 00:00 of the next day (R-MD-5).
        assertEquals(day.atStartOfDay().plusMinutes(15L * (i + 1)), reading.end());
        delivered.values[i] = reading.value();
        delivered.status[i] = MarketCodes.status(reading.quality());
      }
    }
  }

  /** The CSV layout of MarketCsvWriter: service_point,meter_id,channel,interval_end,value,unit,status,flags,... */
  private static void readCsv(String party, String content, Map<String, Delivered> received,
      Map<String, RegisterSeen> registerReads) {
    String[] lines = content.split("\r\n");
    assertEquals("service_point,meter_id,channel,interval_end,value,unit,status,flags,source,interval_minutes,"
        + "read_at,posted_at", lines[0]);
    Map<String, Delivered> inFile = new LinkedHashMap<>();
    for (int n = 1; n < lines.length; n++) {
      String[] f = lines[n].split(",", -1);
      if (f[6].equals("REG")) {
        assertEquals("0", f[9], "a register row has no interval");
        register(party, f[0], f[1], f[2], OffsetDateTime.parse(f[3]).toLocalDateTime(), new BigDecimal(f[4]),
            registerReads);
        continue;
      }
      LocalDateTime end = OffsetDateTime.parse(f[3]).toLocalDateTime();
      LocalDateTime start = end.minusMinutes(15);
      int i = (start.getHour() * 60 + start.getMinute()) / 15;
      String key = key(f[0], f[1], f[2], start.toLocalDate());
      Delivered delivered = inFile.computeIfAbsent(key, k -> {
        assertTrue(!received.containsKey(k), "delivered once: " + k);
        return new Delivered(party);
      });
      delivered.values[i] = new BigDecimal(f[4]);
      delivered.status[i] = IntervalStatus.ofCode(f[6]);
      Set<VeeFlag> flags = EnumSet.noneOf(VeeFlag.class);
      if (!f[7].isEmpty()) {
        for (String name : f[7].split("\\|")) {
          flags.add(VeeFlag.valueOf(name));
        }
      }
      delivered.flags[i] = flags;
    }
    received.putAll(inFile);
  }
}
