package org.adcs.mdm.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Conversions between the reading model and column values. */
final class StoreCodec {

  private StoreCodec() {}

  /** Meter standard time is stored as the same wall-clock time at UTC (see {@link StoreSchema}). */
  static Instant wallClock(LocalDateTime meterTime) {
    return meterTime.toInstant(ZoneOffset.UTC);
  }

  static LocalDateTime meterTime(Instant stored) {
    return LocalDateTime.ofInstant(stored, ZoneOffset.UTC);
  }

  static ByteBuffer bits(BitSet bits) {
    return ByteBuffer.wrap(bits.toByteArray());
  }

  static BitSet bits(ByteBuffer stored) {
    return stored == null ? new BitSet() : BitSet.valueOf(stored.duplicate());
  }

  static List<Long> longs(long[] values) {
    List<Long> list = new ArrayList<>(values.length);
    for (long v : values) {
      list.add(v);
    }
    return list;
  }

  static long[] longs(List<Long> stored) {
    long[] values = new long[stored.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = stored.get(i);
    }
    return values;
  }

  static List<Integer> ints(int[] values) {
    List<Integer> list = new ArrayList<>(values.length);
    for (int v : values) {
      list.add(v);
    }
    return list;
  }

  static int[] ints(List<Integer> stored) {
    int[] values = new int[stored.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = stored.get(i);
    }
    return values;
  }

  /** Micro-second write timestamp derived from the data, so writing the same data again is identical. */
  static long writeTime(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  /** Completeness bucket of a meter: spreads one day's rows over partitions of bounded size. */
  static int bucket(String meterId, int buckets) {
    return Math.floorMod(meterId.hashCode(), buckets);
  }
}
