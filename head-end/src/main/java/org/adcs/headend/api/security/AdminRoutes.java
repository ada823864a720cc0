package org.adcs.headend.api.security;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.Location;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.adcs.headend.api.Problems;

/**
 * Administration of who may use the API (issue 9; R-OPS-2, R-OPS-3). Secrets appear only in the
 * answer that creates them.
 * <ul>
 *   <li>{@code POST /api/v1/admin/principals} {@code {"name","role","password"?}}, {@code GET} lists them</li>
 *   <li>{@code GET|DELETE /api/v1/admin/principals/{name}}: show; disable and revoke all its tokens</li>
 *   <li>{@code POST /api/v1/admin/principals/{name}/tokens} {@code {"validDays"?}}: an API token;
 *       {@code GET}: its tokens without secrets</li>
 *   <li>{@code POST /api/v1/admin/tokens/{id}/rotate}: a new token for the old, {@code DELETE
 *       /api/v1/admin/tokens/{id}}: revoke</li>
 *   <li>{@code PUT|GET /api/v1/admin/parties/{name}/meters} {@code {"meterIds":[...]}}: a third party's meters</li>
 *   <li>{@code PUT|GET /api/v1/parties/{name}/curtailment} {@code {"curtailed":true,"reason":"..."}}:
 *       an operator stops (or lets again) a party's use of the API</li>
 * </ul>
 */
final class AdminRoutes extends AllDirectives {

  private static final Pattern METER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final int MAX_METERS_BODY = 4 * 1024 * 1024;

  private final SecurityStore store;
  private final SecuritySettings settings;
  private final ApiSecurity security;
  private final ObjectMapper json;
  private final Problems problems;
  private final JsonBodies bodies;
  private final JsonBodies meterLists;
  private final Blocking blocking;

  AdminRoutes(SecurityStore store, SecuritySettings settings, ApiSecurity security, ObjectMapper json,
      Problems problems, Blocking blocking) {
    this.store = store;
    this.settings = settings;
    this.security = security;
    this.json = json;
    this.problems = problems;
    this.bodies = new JsonBodies(json, problems, 16 * 1024);
    this.meterLists = new JsonBodies(json, problems, MAX_METERS_BODY);
    this.blocking = blocking;
  }

  Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> concat(
        pathPrefix("admin", () -> concat(
            pathPrefix("principals", () -> concat(
                pathEndOrSingleSlash(() -> concat(post(() -> bodies.object(Set.of("name", "role", "password"), this::createPrincipal)),
                    get(this::listPrincipals))),
                pathPrefix(PathMatchers.segment(), name -> named(name, () -> concat(
                    pathEndOrSingleSlash(() -> concat(get(() -> showPrincipal(name)),
                        delete(() -> disable(name)))),
                    path("tokens", () -> concat(post(() -> bodies.object(Set.of("validDays"), b -> issue(name, b))),
                        get(() -> listTokens(name))))))))),
            pathPrefix("tokens", () -> pathPrefix(PathMatchers.segment(), id -> concat(
                pathEndOrSingleSlash(() -> delete(() -> revoke(id))),
                path("rotate", () -> post(() -> rotate(id)))))),
            path(PathMatchers.segment("parties").slash(PathMatchers.segment()).slash("meters"), party ->
                named(party, () -> concat(put(() -> meterLists.object(Set.of("meterIds"), b -> replaceMeters(party, b))),
                    get(() -> meters(party))))))),
        path(PathMatchers.segment("parties").slash(PathMatchers.segment()).slash("curtailment"), party ->
            named(party, () -> concat(put(() -> bodies.object(Set.of("curtailed", "reason"), b -> curtail(party, b))),
                get(() -> curtailment(party))))))));
  }

  private Route createPrincipal(JsonNode body) {
    String name = body.path("name").isTextual() ? body.get("name").asText() : "";
    Optional<Role> role = body.path("role").isTextual() ? Role.parse(body.get("role").asText()) : Optional.empty();
    JsonNode password = body.path("password");
    if (!AccessPolicy.NAME.matcher(name).matches()) {
      return bad("Invalid principal", "name must be 1-64 letters, digits or . _ - @");
    }
    if (role.isEmpty()) {
      return bad("Invalid principal", "role must be one of " + Role.allWire());
    }
    if (!password.isMissingNode() && !password.isNull()
        && (!password.isTextual() || password.asText().length() < 12 || password.asText().length() > 1024)) {
      return bad("Invalid principal", "password, if given, is text of 12 to 1024 characters (people log in"
          + " with it; systems and field tools use API tokens instead)");
    }
    Optional<String> hash = password.isTextual()
        ? Optional.of(password.asText()) : Optional.empty();
    return blocking.then(() -> store.createPrincipal(name, role.get(),
        hash.map(p -> Secrets.hashPassword(p.toCharArray(), settings.passwordIterations()))), created -> created
            ? complete(json(StatusCodes.CREATED, json.createObjectNode().put("name", name).put("role", role.get().wire()))
                .addHeader(Location.create("/api/v1/admin/principals/" + name)))
            : complete(problems.of(StatusCodes.CONFLICT, "Principal exists", "there is already a principal " + name)));
  }

  private Route listPrincipals() {
    return blocking.then(store::principals, all -> {
      ObjectNode body = json.createObjectNode();
      ArrayNode items = body.putArray("principals");
      all.forEach(p -> items.add(document(p)));
      return complete(json(StatusCodes.OK, body));
    });
  }

  private Route showPrincipal(String name) {
    return blocking.then(() -> store.principal(name), found -> found
        .map(p -> complete(json(StatusCodes.OK, document(p)))).orElseGet(() -> unknown(name)));
  }

  private Route disable(String name) {
    return blocking.then(() -> store.disable(name), done -> {
      security.credentialsChanged();
      return done ? complete(StatusCodes.NO_CONTENT) : unknown(name);
    });
  }

  private Route issue(String name, JsonNode body) {
    JsonNode days = body.path("validDays");
    long maxDays = settings.apiTokenValidity().toDays();
    if (!days.isMissingNode() && (!days.canConvertToInt() || !days.isIntegralNumber() || days.asInt() < 1
        || days.asInt() > maxDays)) {
      return bad("Invalid token request", "validDays, if given, is a whole number from 1 to " + maxDays
          + " (credentials rotate at least every 12 months, R-OPS-3)");
    }
    Duration validity = days.isMissingNode() ? settings.apiTokenValidity() : Duration.ofDays(days.asInt());
    return blocking.then(() -> store.principal(name).filter(p -> !p.disabled())
            .map(p -> store.issue(name, SecurityStore.TokenKind.API, validity)),
        issued -> issued.map(t -> complete(json(StatusCodes.CREATED, issuedDocument(t))))
            .orElseGet(() -> unknown(name)));
  }

  private Route listTokens(String name) {
    return blocking.then(() -> store.tokens(name), all -> {
      ObjectNode body = json.createObjectNode();
      ArrayNode items = body.putArray("tokens");
      for (SecurityStore.TokenInfo t : all) {
        ObjectNode item = items.addObject().put("id", t.id()).put("principal", t.principal())
            .put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT))
            .put("createdAt", t.createdAt().toString()).put("expiresAt", t.expiresAt().toString());
        t.revokedAt().ifPresent(at -> item.put("revokedAt", at.toString()));
      }
      return complete(json(StatusCodes.OK, body));
    });
  }

  private Route rotate(String id) {
    return blocking.then(() -> store.rotate(id), rotated -> {
      security.credentialsChanged();
      return rotated.map(t -> complete(json(StatusCodes.CREATED, issuedDocument(t))))
          .orElseGet(() -> complete(problems.of(StatusCodes.NOT_FOUND, "Unknown token",
              "no active token " + id + " (unknown, revoked or expired)")));
    });
  }

  private Route revoke(String id) {
    return blocking.then(() -> store.revoke(id), revoked -> {
      security.credentialsChanged();
      return revoked ? complete(StatusCodes.NO_CONTENT) : complete(problems.of(StatusCodes.NOT_FOUND,
          "Unknown token", "no active token " + id));
    });
  }

  private Route replaceMeters(String party, JsonNode body) {
    JsonNode ids = body.path("meterIds");
    if (!ids.isArray()) {
      return bad("Invalid meter list", "send {\"meterIds\": [\"SIM00000001\", ...]}");
    }
    Set<String> meters = new LinkedHashSet<>();
    for (JsonNode id : ids) {
      if (!id.isTextual() || !METER_ID.matcher(id.asText()).matches()) {
        return bad("Invalid meter list", "a meter id is 1-64 letters, digits or . _ : -, found " + id);
      }
      meters.add(id.asText());
    }
    return blocking.then(() -> store.principal(party).filter(p -> p.role() == Role.THIRD_PARTY).map(p -> {
      store.replaceMeters(party, meters);
      return meters.size();
    }), count -> count.map(n -> complete(json(StatusCodes.OK, json.createObjectNode().put("party", party)
        .put("meters", n)))).orElseGet(() -> notAParty(party)));
  }

  private Route meters(String party) {
    return blocking.then(() -> store.principal(party).filter(p -> p.role() == Role.THIRD_PARTY)
        .map(p -> store.meters(party)), found -> found.map(ids -> {
          ObjectNode body = json.createObjectNode().put("party", party);
          ArrayNode items = body.putArray("meterIds");
          ids.forEach(items::add);
          return complete(json(StatusCodes.OK, body));
        }).orElseGet(() -> notAParty(party)));
  }

  private Route curtail(String party, JsonNode body) {
    JsonNode curtailed = body.path("curtailed");
    JsonNode reasonNode = body.path("reason");
    String reason = reasonNode.asText("").strip();
    if (!curtailed.isBoolean() || !(reasonNode.isMissingNode() || reasonNode.isNull() || reasonNode.isTextual())) {
      return bad("Invalid curtailment", "send {\"curtailed\": true, \"reason\": \"...\"} or {\"curtailed\": false}");
    }
    if (curtailed.asBoolean() && (reason.isEmpty() || reason.length() > 512)) {
      return bad("Invalid curtailment", "a curtailment gives the party a reason of 1-512 characters");
    }
    Optional<String> value = curtailed.asBoolean() ? Optional.of(reason) : Optional.empty();
    return blocking.then(() -> store.principal(party).filter(p -> p.role() == Role.THIRD_PARTY)
        .map(p -> store.curtail(party, value)), done -> {
          security.credentialsChanged();
          return done.isPresent() ? curtailment(party) : notAParty(party);
        });
  }

  private Route curtailment(String party) {
    return blocking.then(() -> store.principal(party).filter(p -> p.role() == Role.THIRD_PARTY), found -> found
        .map(p -> {
          ObjectNode body = json.createObjectNode().put("party", party).put("curtailed", p.curtailed().isPresent());
          p.curtailed().ifPresent(r -> body.put("reason", r));
          return complete(json(StatusCodes.OK, body));
        }).orElseGet(() -> notAParty(party)));
  }

  private ObjectNode document(SecurityStore.StoredPrincipal p) {
    ObjectNode node = json.createObjectNode().put("name", p.name()).put("role", p.role().wire())
        .put("login", p.passwordHash().isPresent()).put("disabled", p.disabled())
        .put("createdAt", p.createdAt().toString());
    p.curtailed().ifPresent(r -> node.put("curtailed", r));
    return node;
  }

  private ObjectNode issuedDocument(SecurityStore.IssuedToken t) {
    return json.createObjectNode().put("id", t.id()).put("principal", t.principal()).put("token", t.token())
        .put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT)).put("expiresAt", t.expiresAt().toString());
  }

  private Route named(String name, java.util.function.Supplier<Route> inner) {
    return AccessPolicy.NAME.matcher(name).matches() ? inner.get()
        : bad("Invalid name", "a principal's name is 1-64 letters, digits or . _ - @");
  }

  private Route unknown(String name) {
    return complete(problems.of(StatusCodes.NOT_FOUND, "Unknown principal", "no active principal " + name));
  }

  private Route notAParty(String name) {
    return complete(problems.of(StatusCodes.NOT_FOUND, "Unknown party", "no third party " + name));
  }

  private Route bad(String title, String detail) {
    return complete(problems.of(StatusCodes.BAD_REQUEST, title, detail));
  }

  private static HttpResponse json(StatusCode status, ObjectNode body) {
    return HttpResponse.create().withStatus(status)
        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body.toString()));
  }
}
