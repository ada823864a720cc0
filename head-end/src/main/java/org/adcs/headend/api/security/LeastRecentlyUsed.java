package org.adcs.headend.api.security;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its least recently used entry beyond {@code capacity}: per-caller state stays bounded. */
final class LeastRecentlyUsed {

  private LeastRecentlyUsed() {}

  static <K, V> Map<K, V> map(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
