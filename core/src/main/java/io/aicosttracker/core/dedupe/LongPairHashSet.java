package io.aicosttracker.core.dedupe;

/**
 * An open-addressing set of 128-bit keys in two primitive arrays: about 21 bytes per key at
 * the 0.75 load factor, against ~150 for a {@code HashSet<String>} of UUIDs.
 *
 * <p>The all-zero key is tracked apart because zero marks an empty slot.
 */
public final class LongPairHashSet {
  private static final double LOAD = 0.75;
  private long[] hi;
  private long[] lo;
  private int size;
  private int mask;
  private boolean hasZero;

  public LongPairHashSet(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, (int) (expected / LOAD)) - 1) << 1;
    hi = new long[cap];
    lo = new long[cap];
    mask = cap - 1;
  }

  /** Adds the key; returns false when it was already present. */
  public boolean add(long h, long l) {
    if (h == 0 && l == 0) {
      if (hasZero) return false;
      hasZero = true;
      return true;
    }
    int i = slot(h, l);
    while (hi[i] != 0 || lo[i] != 0) {
      if (hi[i] == h && lo[i] == l) return false;
      i = (i + 1) & mask;
    }
    hi[i] = h;
    lo[i] = l;
    if (++size > mask * LOAD) grow();
    return true;
  }

  /** True when the key is in the set. */
  public boolean contains(long h, long l) {
    if (h == 0 && l == 0) return hasZero;
    int i = slot(h, l);
    while (hi[i] != 0 || lo[i] != 0) {
      if (hi[i] == h && lo[i] == l) return true;
      i = (i + 1) & mask;
    }
    return false;
  }

  /** Receives the two halves of each key. */
  @FunctionalInterface
  public interface PairConsumer {
    void accept(long h, long l);
  }

  /** Hands every key to {@code c}, in no particular order. */
  public void forEach(PairConsumer c) {
    if (hasZero) c.accept(0, 0);
    for (int j = 0; j < hi.length; j++) {
      if (hi[j] != 0 || lo[j] != 0) c.accept(hi[j], lo[j]);
    }
  }

  /**
   * A non-negative hash of a key for partitioning, independent of the slot hash, so that one
   * partition's keys still spread over all slots of its own set.
   */
  public static long partitionHash(long h, long l) {
    return ((h ^ Long.rotateLeft(l, 31)) * 0xBF58476D1CE4E5B9L) >>> 17;
  }

  /** Which of {@code n} partitions owns a key. */
  public static int partition(long h, long l, int n) {
    return (int) (partitionHash(h, l) % n);
  }

  public int size() {
    return size + (hasZero ? 1 : 0);
  }

  private int slot(long h, long l) {
    long x = h * 0x9E3779B97F4A7C15L ^ l;
    x ^= x >>> 32;
    x *= 0xD6E8FEB86659FD93L;
    return (int) (x ^ (x >>> 32)) & mask;
  }

  private void grow() {
    long[] oldHi = hi;
    long[] oldLo = lo;
    hi = new long[oldHi.length * 2];
    lo = new long[oldLo.length * 2];
    mask = hi.length - 1;
    for (int j = 0; j < oldHi.length; j++) {
      if (oldHi[j] == 0 && oldLo[j] == 0) continue;
      int i = slot(oldHi[j], oldLo[j]);
      while (hi[i] != 0 || lo[i] != 0) i = (i + 1) & mask;
      hi[i] = oldHi[j];
      lo[i] = oldLo[j];
    }
  }
}
