package org.adcs.headend.api.security;

import akka.http.javadsl.model.HttpRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which roles may call which route (R-OPS-2), in one table so every route, including ones added
 * later, is covered: the first rule whose method and path match decides. A path not listed is open to
 * operators and administrators only, never to a third party, until a rule says otherwise. Rules for
 * routes that concern meters say where the meter ids are, so a third party is held to its own meters
 * and the audit log names them.
 */
public final class AccessPolicy {

  /** Principal names: people's user names, systems' and parties' names. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  /** Where a route's meter ids are: nowhere, a path segment ({@code (?<meter>...)}) or {@code ?meter=}. */
  enum Meters { NONE, PATH, QUERY }

  /**
   * @param open    no authentication (probes, login)
   * @param scoped  a third party must name meters, all of them its own
   */
  record Rule(String method, Pattern path, Set<Role> roles, Meters meters, boolean open, boolean scoped) {

    /**
     * Liveness and readiness probes, the metrics scrape and the console's static files give no one
     * data (probes and scrapes come every few seconds): not audited.
     */
    boolean probe() {
      return open && method.equals("GET") && UNAUDITED.contains(path.pattern());
    }

    boolean matches(HttpRequest request) {
      return (method.equals("*") || method.equals(request.method().value()))
          && path.matcher(request.getUri().path()).matches();
    }

    List<String> meterIds(HttpRequest request) {
      return switch (meters) {
        case NONE -> List.of();
        case PATH -> {
          Matcher m = path.matcher(request.getUri().path());
          yield m.matches() ? List.of(m.group("meter")) : List.of();
        }
        case QUERY -> request.getUri().query().getAll("meter").stream()
            .flatMap(v -> List.of(v.split(",")).stream()).map(String::strip).filter(s -> !s.isEmpty())
            .sorted().distinct().toList();
      };
    }
  }

  private static final Set<Role> ALL = EnumSet.allOf(Role.class);
  private static final String CONSOLE = "/(console(/[^/]*)?)?";
  private static final Set<String> UNAUDITED = Set.of("/health", "/ready", "/metrics", CONSOLE);
  private static final Rule UNLISTED = rule("*", ".*", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR));

  private static final List<Rule> RULES = List.of(
      open("GET", "/health"),
      open("GET", "/ready"),
      open("GET", "/metrics"),
      open("POST", "/api/v1/auth/login"),
      // The operator console's files (its data comes through the API below, as anyone else's).
      open("GET", CONSOLE),
      // The API's own description (OpenAPI), for anyone about to call it.
      open("GET", "/api/v1/openapi\\.(yaml|json)"),
      rule("*", "/api/v1/auth/(logout|me|rotate)", ALL),
      new Rule("POST", Pattern.compile("/api/v1/meters/(?<meter>[^/]+)/reads"),
          EnumSet.of(Role.OPERATOR, Role.FIELD_TOOL, Role.THIRD_PARTY), Meters.PATH, false, true),
      // The meter search by id prefix: the whole fleet's ids, so not a third party's.
      rule("GET", "/api/v1/meters", EnumSet.of(Role.OPERATOR, Role.FIELD_TOOL, Role.ADMINISTRATOR)),
      // A meter's page: identity, connection, schedules (operators; field staff before a pickup).
      new Rule("GET", Pattern.compile("/api/v1/meters/(?<meter>[^/]+)/?"),
          EnumSet.of(Role.OPERATOR, Role.FIELD_TOOL, Role.ADMINISTRATOR), Meters.PATH, false, false),
      // R-SCH-5: an operator or an IT system sets, updates or cancels non-default schedules.
      new Rule("POST", Pattern.compile("/api/v1/meters/(?<meter>[^/]+)/schedules"),
          EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM), Meters.PATH, false, false),
      new Rule("DELETE", Pattern.compile("/api/v1/meters/(?<meter>[^/]+)/schedules/[^/]+"),
          EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM), Meters.PATH, false, false),
      // R-SCH-7: the recording interval is the operators'.
      new Rule("PUT", Pattern.compile("/api/v1/meters/(?<meter>[^/]+)/interval-length"),
          EnumSet.of(Role.OPERATOR), Meters.PATH, false, false),
      rule("GET", "/api/v1/read-groups(/.*)?", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR)),
      // An asynchronous read's id is a random UUID only its requester has seen.
      rule("GET", "/api/v1/reads/[^/]+", EnumSet.of(Role.OPERATOR, Role.FIELD_TOOL, Role.THIRD_PARTY)),
      rule("*", "/api/v1/subscriptions(/.*)?", EnumSet.of(Role.DOWNSTREAM_SYSTEM, Role.ADMINISTRATOR)),
      new Rule("GET", Pattern.compile("/api/v1/events/stream"),
          EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM, Role.THIRD_PARTY), Meters.QUERY, false, true),
      // R-COL-2: the real-time reading feed, for downstream systems and (their own meters) third parties.
      new Rule("GET", Pattern.compile("/api/v1/readings/stream"),
          EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM, Role.THIRD_PARTY), Meters.QUERY, false, true),
      // R-DAT-1, R-DAT-2: readings for meters and periods, and yesterday's, a third party only its own meters.
      new Rule("GET", Pattern.compile("/api/v1/readings(/yesterday)?"),
          EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM, Role.THIRD_PARTY), Meters.QUERY, false, true),
      // Each party its own mailbox and extracts (the routes hold it to them; operators may name a party).
      rule("GET", "/api/v1/mailbox(/[^/]+)?", EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM, Role.THIRD_PARTY,
          Role.ADMINISTRATOR)),
      rule("*", "/api/v1/extracts(/[^/]+)?", EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM, Role.THIRD_PARTY,
          Role.ADMINISTRATOR)),
      // R-MD-5: the daily market delivery and its reports are the operators' (parties collect via the mailbox).
      rule("*", "/api/v1/market/(deliveries|estimated-usage)", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR)),
      // R-VEE-3: resends; a third party asks as itself and sees its own (the routes hold it to that).
      rule("POST", "/api/v1/market/resends", EnumSet.of(Role.OPERATOR, Role.THIRD_PARTY, Role.ADMINISTRATOR)),
      rule("GET", "/api/v1/market/resends/[^/]+", EnumSet.of(Role.OPERATOR, Role.THIRD_PARTY, Role.ADMINISTRATOR)),
      // R-DAT-4: the parties' use of the meter network, for operators.
      rule("GET", "/api/v1/parties/[^/]+/usage", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR)),
      // R-OD-3: mass reads are the operators' (start, watch, cancel).
      rule("*", "/api/v1/mass-reads(/.*)?", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR)),
      rule("*", "/api/v1/admin(/.*)?", EnumSet.of(Role.ADMINISTRATOR)),
      // The console's night view (R-SCH-4) and notifications: the operators'.
      rule("GET", "/api/v1/collection/summary", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR)),
      rule("GET", "/api/v1/alerts/?", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR)),
      rule("POST", "/api/v1/alerts/[^/]+/acknowledge", EnumSet.of(Role.OPERATOR)),
      rule("*", "/api/v1/parties/[^/]+/curtailment", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR)),
      rule("GET", "/api/v1/audit", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR)),
      // R-MIS-1/2/4, R-VEE-4, R-OPS-5: reports over the whole fleet are the operators'.
      rule("*", "/api/v1/reports(/.*)?", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR)),
      // R-FLD-1, R-FLD-2: field tools see work orders and upload dumps; operators also issue them.
      new Rule("GET", Pattern.compile("/api/v1/pickup-requests/?"),
          EnumSet.of(Role.OPERATOR, Role.FIELD_TOOL, Role.ADMINISTRATOR), Meters.QUERY, false, false),
      rule("GET", "/api/v1/pickup-requests/[^/]+", EnumSet.of(Role.OPERATOR, Role.FIELD_TOOL, Role.ADMINISTRATOR)),
      rule("POST", "/api/v1/pickup-requests/?", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR)),
      rule("POST", "/api/v1/pickup-requests/[^/]+/dump", EnumSet.of(Role.OPERATOR, Role.FIELD_TOOL)),
      // Master data (R-MD-1): the CIS/MDM systems send sync sets and read their reports.
      rule("POST", "/api/v1/master-data/syncs", EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM, Role.ADMINISTRATOR)),
      rule("GET", "/api/v1/master-data/syncs/[^/]+", EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM,
          Role.ADMINISTRATOR)),
      rule("GET", "/api/v1/master-data/service-points/[^/]+", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR)),
      new Rule("GET", Pattern.compile("/api/v1/master-data/exceptions"), EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR),
          Meters.QUERY, false, false),
      // Billing quantities (R-MD-4): billing agents (third parties, as themselves) and the CIS (for an agent) ask
      // and set cycles; operators read. The routes hold a third party to its own service points and responses.
      rule("POST", "/api/v1/billing-quantities", EnumSet.of(Role.DOWNSTREAM_SYSTEM, Role.THIRD_PARTY)),
      rule("GET", "/api/v1/billing-quantities/[^/]+", EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM,
          Role.THIRD_PARTY, Role.ADMINISTRATOR)),
      rule("PUT", "/api/v1/billing-cycles/[^/]+", EnumSet.of(Role.DOWNSTREAM_SYSTEM, Role.THIRD_PARTY)),
      rule("GET", "/api/v1/billing-cycles/[^/]+", EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM,
          Role.THIRD_PARTY, Role.ADMINISTRATOR)),
      rule("POST", "/api/v1/billing-cycles/[^/]+/runs", EnumSet.of(Role.DOWNSTREAM_SYSTEM, Role.ADMINISTRATOR)),
      // Special reads, reposts and usage history (R-MD-2, R-MD-3): the CIS/MDM systems and operators.
      rule("POST", "/api/v1/special-reads/?", EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM)),
      rule("GET", "/api/v1/special-reads/?", EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM)),
      rule("GET", "/api/v1/special-reads/reposts", EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM)),
      rule("GET", "/api/v1/usage-history/[^/]+", EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM)));

  private AccessPolicy() {}

  /** The table, for the check that it and the OpenAPI document agree. */
  static List<Rule> rules() {
    return RULES;
  }

  static Rule ruleFor(HttpRequest request) {
    return RULES.stream().filter(r -> r.matches(request)).findFirst().orElse(UNLISTED);
  }

  private static Rule open(String method, String path) {
    return new Rule(method, Pattern.compile(path), ALL, Meters.NONE, true, false);
  }

  private static Rule rule(String method, String path, Set<Role> roles) {
    return new Rule(method, Pattern.compile(path), roles, Meters.NONE, false, false);
  }
}
