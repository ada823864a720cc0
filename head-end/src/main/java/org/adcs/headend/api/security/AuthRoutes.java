package org.adcs.headend.api.security;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import org.adcs.headend.api.Problems;

/**
 * People's login and logout, and who the caller is:
 * <ul>
 *   <li>{@code POST /api/v1/auth/login} {@code {"username","password"}}: a session token (once)</li>
 *   <li>{@code POST /api/v1/auth/logout}: revokes the token the request carries (204)</li>
 *   <li>{@code GET /api/v1/auth/me}: the caller's name and role</li>
 *   <li>{@code POST /api/v1/auth/rotate}: a system replaces the token it calls with (R-OPS-3: credentials
 *       rotate), the new one shown once and the old one revoked</li>
 * </ul>
 * Failed logins are limited per user name, so passwords cannot be guessed at speed.
 */
final class AuthRoutes extends AllDirectives {

  private final SecurityStore store;
  private final SecuritySettings settings;
  private final ApiSecurity security;
  private final ObjectMapper json;
  private final Problems problems;
  private final JsonBodies bodies;
  private final Blocking blocking;
  private final String noSuchUserHash;
  private final RequestLimits failedLogins = new RequestLimits(new RequestLimits.Limit(10, 1), System::nanoTime);

  AuthRoutes(SecurityStore store, SecuritySettings settings, ApiSecurity security, ObjectMapper json,
      Problems problems, Blocking blocking) {
    this.store = store;
    this.settings = settings;
    this.security = security;
    this.json = json;
    this.problems = problems;
    this.bodies = new JsonBodies(json, problems, 4 * 1024);
    this.blocking = blocking;
    this.noSuchUserHash = Secrets.hashPassword(Secrets.newPassword().toCharArray(), settings.passwordIterations());
  }

  Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("auth", () -> concat(
        path("login", () -> post(() -> bodies.object(Set.of("username", "password"), this::login))),
        path("logout", () -> post(() -> caller(p -> blocking.then(() -> store.revoke(p.tokenId()), revoked -> {
          security.credentialsChanged();
          return complete(StatusCodes.NO_CONTENT);
        })))),
        path("rotate", () -> post(() -> caller(p -> blocking.then(() -> store.rotate(p.tokenId()), rotated -> {
          security.credentialsChanged();
          return rotated.map(t -> complete(HttpResponse.create().withStatus(StatusCodes.CREATED)
                  .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, json.createObjectNode()
                      .put("id", t.id()).put("token", t.token()).put("expiresAt", t.expiresAt().toString())
                      .toString()))))
              .orElseGet(() -> complete(problems.of(StatusCodes.CONFLICT, "Token changed",
                  "the token was revoked or rotated meanwhile")));
        })))),
        path("me", () -> get(() -> caller(p -> {
          ObjectNode me = json.createObjectNode().put("name", p.name()).put("role", p.role().wire())
              .put("tokenId", p.tokenId());
          p.curtailed().ifPresent(reason -> me.put("curtailed", reason));
          return complete(ok(me));
        })))))));
  }

  private Route caller(java.util.function.Function<Principal, Route> inner) {
    return extractRequest(r -> inner.apply(r.getAttribute(ApiSecurity.PRINCIPAL).orElseThrow(
        () -> new IllegalStateException("auth routes reached without ApiSecurity.protect"))));
  }

  private Route login(JsonNode body) {
    String username = body.path("username").isTextual() ? body.get("username").asText() : "";
    String password = body.path("password").isTextual() ? body.get("password").asText() : "";
    if (!AccessPolicy.NAME.matcher(username).matches() || password.isEmpty() || password.length() > 1024) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid login",
          "send {\"username\": \"...\", \"password\": \"...\"}; a user name is 1-64 letters, digits or . _ - @"));
    }
    RequestLimits.Decision allowed = failedLogins.peek(username);
    if (!allowed.allowed()) {
      return complete(problems.of(StatusCodes.TOO_MANY_REQUESTS, "Too many failed logins",
          "too many failed logins for " + username + "; retry later")
          .addHeader(RawHeader.create("Retry-After",
              Long.toString(Math.max(1, allowed.retryAfter().toSeconds())))));
    }
    return blocking.then(() -> checkAndIssue(username, password), issued -> {
      if (issued.isEmpty()) {
        failedLogins.take(username);
        return complete(problems.of(StatusCodes.UNAUTHORIZED, "Login failed", "wrong user name or password")
            .addHeader(RawHeader.create("WWW-Authenticate", "Bearer realm=\"adcs\"")));
      }
      SecurityStore.IssuedToken t = issued.get();
      return complete(ok(json.createObjectNode().put("token", t.token()).put("tokenId", t.id())
          .put("principal", t.principal()).put("expiresAt", t.expiresAt().toString())));
    });
  }

  private Optional<SecurityStore.IssuedToken> checkAndIssue(String username, String password) {
    Optional<SecurityStore.StoredPrincipal> user = store.principal(username)
        .filter(p -> !p.disabled() && p.passwordHash().isPresent());
    // The same hashing work whether or not the user exists: timing tells nothing about user names.
    boolean matches = Secrets.passwordMatches(password.toCharArray(),
        user.flatMap(SecurityStore.StoredPrincipal::passwordHash).orElse(noSuchUserHash));
    if (user.isEmpty() || !matches) {
      return Optional.empty();
    }
    return Optional.of(store.issue(username, SecurityStore.TokenKind.SESSION, settings.sessionValidity()));
  }

  private HttpResponse ok(ObjectNode body) {
    return HttpResponse.create().withStatus(StatusCodes.OK)
        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body.toString()));
  }
}
