package org.adcs.headend.journal;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandler;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehavior;
import org.adcs.headend.serialization.CborSerializable;

/** A minimal event-sourced entity for exercising the real journal: events persisted, then replayed. */
final class JournalCounter extends EventSourcedBehavior<JournalCounter.Command, JournalCounter.Added, JournalCounter.Total> {

  sealed interface Command extends CborSerializable permits Add, Get {}

  record Add(long amount, ActorRef<Total> replyTo) implements Command {}

  record Get(ActorRef<Total> replyTo) implements Command {}

  record Added(long amount) implements CborSerializable {}

  record Total(long sum, int events) implements CborSerializable {}

  /** Untagged: the events are read back only by replaying the entity. */
  private final String tag;

  static Behavior<Command> create(String id) {
    return new JournalCounter(PersistenceId.of("JournalCounter", id), null);
  }

  /** Every event tagged {@code tag}, for the journal's queries by tag. */
  static Behavior<Command> create(String id, String tag) {
    return new JournalCounter(PersistenceId.of("JournalCounter", id), tag);
  }

  private JournalCounter(PersistenceId id, String tag) {
    super(id);
    this.tag = tag;
  }

  @Override
  public java.util.Set<String> tagsFor(Added event) {
    return tag == null ? java.util.Set.of() : java.util.Set.of(tag);
  }

  @Override
  public Total emptyState() {
    return new Total(0, 0);
  }

  @Override
  public CommandHandler<Command, Added, Total> commandHandler() {
    return newCommandHandlerBuilder().forAnyState()
        .onCommand(Add.class, (state, add) -> Effect().persist(new Added(add.amount())).thenReply(add.replyTo(), s -> s))
        .onCommand(Get.class, (state, get) -> Effect().reply(get.replyTo(), state))
        .build();
  }

  @Override
  public EventHandler<Total, Added> eventHandler() {
    return newEventHandlerBuilder().forAnyState()
        .onEvent(Added.class, (state, added) -> new Total(state.sum() + added.amount(), state.events() + 1))
        .build();
  }
}
