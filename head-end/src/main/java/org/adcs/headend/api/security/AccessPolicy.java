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

    /** Liveness and readiness probes give no one data and come every few seconds: not audited. */
    boolean probe() {
      return open && method.equals("GET") && (path.pattern().equals("/health") || path.pattern().equals("/ready"));
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
  private static final Rule UNLISTED = rule("*", ".*", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR));

  private static final List<Rule> RULES = List.of(
      open("GET", "/health"),
      open("GET", "/ready"),
      open("POST", "/api/v1/auth/login"),
      // The API's own description (OpenAPI), for anyone about to call it.
      open("GET", "/api/v1/openapi\\.(yaml|json)"),
      rule("*", "/api/v1/auth/(logout|me|rotate)", ALL),
      new Rule("POST", Pattern.compile("/api/v1/meters/(?<meter>[^/]+)/reads"),
          EnumSet.of(Role.OPERATOR, Role.FIELD_TOOL, Role.THIRD_PARTY), Meters.PATH, false, true),
      // An asynchronous read's id is a random UUID only its requester has seen.
      rule("GET", "/api/v1/reads/[^/]+", EnumSet.of(Role.OPERATOR, Role.FIELD_TOOL, Role.THIRD_PARTY)),
      rule("*", "/api/v1/subscriptions(/.*)?", EnumSet.of(Role.DOWNSTREAM_SYSTEM, Role.ADMINISTRATOR)),
      new Rule("GET", Pattern.compile("/api/v1/events/stream"),
          EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM, Role.THIRD_PARTY), Meters.QUERY, false, true),
      // R-COL-2: the real-time reading feed, for downstream systems and (their own meters) third parties.
      new Rule("GET", Pattern.compile("/api/v1/readings/stream"),
          EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM, Role.THIRD_PARTY), Meters.QUERY, false, true),
      // R-OD-3: mass reads are the operators' (start, watch, cancel).
      rule("*", "/api/v1/mass-reads(/.*)?", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR)),
      rule("*", "/api/v1/admin(/.*)?", EnumSet.of(Role.ADMINISTRATOR)),
      rule("*", "/api/v1/parties/[^/]+/curtailment", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR)),
      rule("GET", "/api/v1/audit", EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR)));

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
