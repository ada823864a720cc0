package org.adcs.headend.api.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Tokens this node has recently found valid, so not every request reads the database. An entry is
 * trusted for {@code ttl} only: a token revoked or a party curtailed on another node takes effect here
 * within it (on this node at once, through {@link #clear}). At most {@value #CAPACITY} entries.
 */
final class CredentialCache {

  static final int CAPACITY = 10_000;

  private record Entry(Principal principal, long at) {}

  private final long ttlNanos;
  private final LongSupplier nanos;
  private final Map<String, Entry> entries = LeastRecentlyUsed.map(CAPACITY);

  CredentialCache(Duration ttl, LongSupplier nanos) {
    this.ttlNanos = ttl.toNanos();
    this.nanos = nanos;
  }

  synchronized Optional<Principal> get(String tokenHash) {
    Entry e = entries.get(tokenHash);
    if (e == null) {
      return Optional.empty();
    }
    if (nanos.getAsLong() - e.at() >= ttlNanos) {
      entries.remove(tokenHash);
      return Optional.empty();
    }
    return Optional.of(e.principal());
  }

  synchronized void put(String tokenHash, Principal principal) {
    entries.put(tokenHash, new Entry(principal, nanos.getAsLong()));
  }

  synchronized void clear() {
    entries.clear();
  }
}
