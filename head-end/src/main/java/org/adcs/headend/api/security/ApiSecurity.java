package org.adcs.headend.api.security;

import akka.http.javadsl.model.AttributeKey;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.ResponseEntity;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.stream.javadsl.Flow;
import akka.util.ByteString;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.adcs.headend.api.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every route of the API passes through (R-OPS-1, R-OPS-2): the access is recorded in the
 * {@link AuditLog} (all but the liveness and readiness probes); the caller is authenticated by its bearer token (401 with
 * {@code WWW-Authenticate} otherwise); its role must be one the {@link AccessPolicy} allows for the
 * route, it must not be curtailed, and a third party must stay within its request limit and its own
 * meters (403 with the reason, 429 with {@code Retry-After}). The inner routes find the caller in the
 * request attribute {@link #PRINCIPAL}. Rejections and failures become RFC 7807 problems.
 */
public final class ApiSecurity extends AllDirectives {

  /** The authenticated caller, for routes that answer differently per caller. */
  public static final AttributeKey<Principal> PRINCIPAL = AttributeKey.create("adcs-principal", Principal.class);

  private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);
  private static final int MAX_TOKEN_LENGTH = 256;

  private final SecurityStore store;
  private final AuditLog audit;
  private final CredentialCache cache;
  private final RequestLimits limits;
  private final Executor blocking;
  private final Problems problems;
  private final ProblemHandlers handlers;
  private final Clock clock;

  public ApiSecurity(SecurityStore store, AuditLog audit, SecuritySettings settings, Executor blocking,
      Problems problems, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.cache = new CredentialCache(settings.credentialCache(), System::nanoTime);
    this.limits = new RequestLimits(settings.thirdPartyLimit(), System::nanoTime);
    this.blocking = blocking;
    this.problems = problems;
    this.handlers = new ProblemHandlers(problems);
    this.clock = clock;
  }

  /** Forgets cached credentials after a revocation or curtailment made on this node. */
  void credentialsChanged() {
    cache.clear();
  }

  /** {@code inner} with authentication, authorisation, limits and the audit applied to every request. */
  public Route protect(Route inner) {
    return extractRequest(request -> {
      AccessPolicy.Rule rule = AccessPolicy.ruleFor(request);
      if (rule.probe()) {
        return handlers.around(inner);
      }
      List<String> meters = rule.meterIds(request);
      if (!audit.reserve()) {
        log.warn("audit log buffer full: refusing {} {}", request.method().value(), request.getUri().path());
        return complete(problems.of(StatusCodes.SERVICE_UNAVAILABLE, "Audit log behind",
            "every access is recorded and the audit store is behind; try again shortly"));
      }
      Access access = new Access(request, meters, clock.instant(), System.nanoTime());
      Route guarded = rule.open() ? inner : authenticated(request, rule, meters, access, inner);
      return mapResponse(access::recordWhenSent, () -> handlers.around(guarded));
    });
  }

  private Route authenticated(HttpRequest request, AccessPolicy.Rule rule, List<String> meters, Access access,
      Route inner) {
    Optional<String> token = bearer(request);
    if (token.isEmpty()) {
      return complete(unauthorized(null, "send an API or session token as Authorization: Bearer <token>;"
          + " people get one from POST /api/v1/auth/login"));
    }
    return onSuccess(principal(Secrets.tokenHash(token.get())), found -> {
      if (found.isEmpty()) {
        return complete(unauthorized("invalid_token", "the token is unknown, expired or revoked"));
      }
      Principal p = found.get();
      access.who.set(p);
      if (!rule.roles().contains(p.role())) {
        return forbidden("role " + p.role().wire() + " may not " + request.method().value() + " "
            + request.getUri().path() + "; allowed: "
            + rule.roles().stream().map(Role::wire).collect(Collectors.joining(", ")));
      }
      if (p.curtailed().isPresent()) {
        return forbidden(p.name() + " is curtailed by an operator: " + p.curtailed().get());
      }
      Route withCaller = mapRequest(r -> r.addAttribute(PRINCIPAL, p), () -> inner);
      if (p.role() != Role.THIRD_PARTY) {
        return withCaller;
      }
      RequestLimits.Decision decision = limits.take(p.name());
      if (!decision.allowed()) {
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        return complete(problems.of(StatusCodes.TOO_MANY_REQUESTS, "Request limit reached",
            p.name() + " is over its request limit; retry after " + seconds + " s")
            .addHeader(RawHeader.create("Retry-After", Long.toString(seconds))));
      }
      if (!rule.scoped()) {
        return withCaller;
      }
      if (meters.isEmpty()) {
        return forbidden("a third party names the meters it asks about (?meter=<id>); only its own are served");
      }
      return onSuccess(CompletableFuture.supplyAsync(() -> store.firstForeign(p.name(), meters), blocking),
          foreign -> foreign.map(m -> forbidden("meter " + m + " is not among the meters " + p.name()
              + " is authorised for")).orElse(withCaller));
    });
  }

  private CompletionStage<Optional<Principal>> principal(String tokenHash) {
    Optional<Principal> cached = cache.get(tokenHash);
    if (cached.isPresent()) {
      return CompletableFuture.completedFuture(cached);
    }
    return CompletableFuture.supplyAsync(() -> {
      Optional<Principal> found = store.authenticate(tokenHash);
      found.ifPresent(p -> cache.put(tokenHash, p));
      return found;
    }, blocking);
  }

  static Optional<String> bearer(HttpRequest request) {
    return request.getHeader("Authorization").map(h -> h.value().strip())
        .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(v -> v.substring(7).strip())
        .filter(t -> !t.isEmpty() && t.length() <= MAX_TOKEN_LENGTH);
  }

  private HttpResponse unauthorized(String error, String detail) {
    String challenge = "Bearer realm=\"adcs\"" + (error == null ? "" : ", error=\"" + error + "\"");
    return problems.of(StatusCodes.UNAUTHORIZED, "Authentication required", detail)
        .addHeader(RawHeader.create("WWW-Authenticate", challenge));
  }

  private Route forbidden(String reason) {
    return complete(problems.of(StatusCodes.FORBIDDEN, "Forbidden", reason));
  }

  /** One request's audit record, written once its response has been sent (or the sending failed). */
  private final class Access {
    final HttpRequest request;
    final List<String> meters;
    final Instant at;
    final long started;
    final AtomicReference<Principal> who = new AtomicReference<>();
    final AtomicBoolean recorded = new AtomicBoolean();

    Access(HttpRequest request, List<String> meters, Instant at, long started) {
      this.request = request;
      this.meters = meters;
      this.at = at;
      this.started = started;
    }

    HttpResponse recordWhenSent(HttpResponse response) {
      ResponseEntity entity = response.entity();
      int status = response.status().intValue();
      if (entity instanceof HttpEntity.Strict strict) {
        record(status, strict.getData().size());
        return response;
      }
      AtomicLong bytes = new AtomicLong();
      Flow<ByteString, ByteString, Object> counting = Flow.of(ByteString.class)
          .map(chunk -> {
            bytes.addAndGet(chunk.size());
            return chunk;
          })
          .watchTermination((mat, done) -> {
            done.whenComplete((ok, error) -> record(status, bytes.get()));
            return (Object) mat;
          });
      return response.withEntity(((akka.http.scaladsl.model.ResponseEntity) entity).transformDataBytes(
          counting.asScala()));
    }

    private void record(int status, long bytes) {
      if (!recorded.compareAndSet(false, true)) {
        return;
      }
      Principal p = who.get();
      String query = request.getUri().rawQueryString().map(q -> "?" + q).orElse("");
      audit.record(new AuditLog.Access(at, Optional.ofNullable(p).map(Principal::name),
          Optional.ofNullable(p).map(Principal::role), request.method().value().toUpperCase(Locale.ROOT),
          request.getUri().path() + query, meters, status, bytes,
          Duration.ofNanos(System.nanoTime() - started).toMillis()));
    }
  }
}
