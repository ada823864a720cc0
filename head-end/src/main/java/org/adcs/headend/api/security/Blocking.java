package org.adcs.headend.api.security;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs JDBC work off the HTTP dispatcher and continues the route with its result. */
final class Blocking extends AllDirectives {

  private final Executor executor;

  Blocking(Executor executor) {
    this.executor = executor;
  }

  <T> Route then(Supplier<T> work, Function<T, Route> inner) {
    return onSuccess(CompletableFuture.supplyAsync(work, executor), inner::apply);
  }
}
