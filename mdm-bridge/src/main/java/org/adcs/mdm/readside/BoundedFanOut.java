package org.adcs.mdm.readside;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one asynchronous call per item with at most {@code parallelism} in flight and collects the
 * answers in item order. Never blocks a thread: the next call starts when one completes, so a page of
 * a thousand meters cannot flood the driver (ARCHITECTURE.md, bounded in-flight requests).
 */
public final class BoundedFanOut<A, B> {

  private final List<A> items;
  private final Function<A, CompletionStage<B>> call;
  private final List<B> answers;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final CompletableFuture<List<B>> all = new CompletableFuture<>();

  private BoundedFanOut(List<A> items, Function<A, CompletionStage<B>> call) {
    this.items = items;
    this.call = call;
    this.answers = new ArrayList<>(Collections.nCopies(items.size(), null));
  }

  public static <A, B> CompletionStage<List<B>> map(List<A> items, int parallelism, Function<A, CompletionStage<B>> call) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    var fanOut = new BoundedFanOut<>(List.copyOf(items), call);
    if (items.isEmpty()) {
      fanOut.all.complete(List.of());
    }
    for (int k = 0; k < Math.min(parallelism, items.size()); k++) {
      fanOut.startNext();
    }
    return fanOut.all;
  }

  private void startNext() {
    int i = next.getAndIncrement();
    if (i >= items.size() || all.isDone()) {
      return;
    }
    CompletionStage<B> stage;
    try {
      stage = call.apply(items.get(i));
    } catch (RuntimeException e) {
      all.completeExceptionally(e);
      return;
    }
    // Each answer starts at most one more call; driver answers come on its I/O threads, so this does
    // not recurse on the caller's stack.
    stage.whenComplete((answer, error) -> {
      if (error != null) {
        all.completeExceptionally(error);
        return;
      }
      synchronized (answers) {
        answers.set(i, answer);
      }
      if (done.incrementAndGet() == items.size()) {
        synchronized (answers) {
          all.complete(Collections.unmodifiableList(new ArrayList<>(answers)));
        }
      } else {
        startNext();
      }
    });
  }
}
