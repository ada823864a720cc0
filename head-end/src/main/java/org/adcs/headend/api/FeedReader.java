package org.adcs.headend.api;

import java.util.concurrent.CompletionStage;
import org.adcs.mdm.routing.Feed;

/** What a stream reads of a durable feed: the {@link Feed} in Cassandra, an in-memory one in route tests. */
interface FeedReader {

  String name();

  /** Where a client without a Last-Event-ID starts. */
  Feed.Position now();

  /** The oldest position still kept. */
  Feed.Position oldest();

  /** Up to {@code limit} settled entries after {@code position}. */
  CompletionStage<Feed.Page> after(Feed.Position position, int limit);

  static FeedReader of(Feed feed) {
    return new FeedReader() {
      @Override
      public String name() {
        return feed.name();
      }

      @Override
      public Feed.Position now() {
        return feed.now();
      }

      @Override
      public Feed.Position oldest() {
        return feed.oldest();
      }

      @Override
      public CompletionStage<Feed.Page> after(Feed.Position position, int limit) {
        return feed.after(position, limit);
      }
    };
  }
}
