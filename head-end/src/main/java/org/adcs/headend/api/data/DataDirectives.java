package org.adcs.headend.api.data;

import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.adcs.headend.api.Problems;
import org.adcs.headend.api.security.ApiSecurity;
import org.adcs.headend.api.security.Principal;
import org.adcs.headend.api.security.Role;

/** What the data routes share: the caller, refused input as problems, blocking lookups off the HTTP threads. */
abstract class DataDirectives extends AllDirectives {

  final Problems problems;
  private final Executor blocking;

  DataDirectives(Problems problems, Executor blocking) {
    this.problems = problems;
    this.blocking = blocking;
  }

  /** The authenticated caller ({@link ApiSecurity} puts it on every request it lets through). */
  Route caller(Function<Principal, Route> inner) {
    return extractRequest(request -> request.getAttribute(ApiSecurity.PRINCIPAL).map(inner)
        .orElseGet(() -> complete(problem(StatusCodes.UNAUTHORIZED, "Authentication required",
            "send an API or session token as Authorization: Bearer <token>"))));
  }

  /** {@code inner}, or the problem its input is refused with. */
  Route checked(Supplier<Route> inner) {
    try {
      return inner.get();
    } catch (InvalidRequest e) {
      return complete(problem(e.status, e.title, e.getMessage()));
    }
  }

  /**
   * {@code stage}, continued on the blocking dispatcher: a store call made after a store answer must not
   * run on the driver's I/O thread that delivered it (see BoundedSession).
   */
  <T> CompletionStage<T> off(CompletionStage<T> stage) {
    return stage.thenApplyAsync(Function.identity(), blocking);
  }

  <T> Route blocking(Supplier<T> work, Function<T, Route> inner) {
    return onSuccess(CompletableFuture.supplyAsync(work, blocking), result -> checked(() -> inner.apply(result)));
  }

  HttpResponse problem(StatusCode status, String title, String detail) {
    return problems.of(status, title, detail);
  }

  /**
   * Whose mailbox or extracts a caller means: its own; operators and administrators may name a party.
   */
  static String owner(Principal caller, java.util.Optional<String> party) {
    if (party.isEmpty() || party.get().equals(caller.name())) {
      return caller.name();
    }
    if (caller.role() != Role.OPERATOR && caller.role() != Role.ADMINISTRATOR) {
      throw new InvalidRequest(StatusCodes.FORBIDDEN, "Forbidden", caller.name() + " sees only its own mailbox"
          + " and extracts");
    }
    if (!org.adcs.headend.api.security.AccessPolicy.NAME.matcher(party.get()).matches()) {
      throw new InvalidRequest("Invalid party", "a party is named by 1-64 letters, digits or . _ - @");
    }
    return party.get();
  }
}
