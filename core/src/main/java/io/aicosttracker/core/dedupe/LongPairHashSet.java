package io.aicosttracker.core.dedupe;

/**
 * An open-addressing set of 128-bit keys in two primitive arrays: about 21 bytes per key at
 * the 0.75 load factor, against ~150 for a {@code HashSet<String>} of UUIDs.
 *
 * <p>The all-zero key is tracked apart because zero marks an empty slot.
 */
public final class LongPairHashSet {
  private static final double LOAD = 0.75;
  /** Bytes a key takes at the full load factor: a 16-byte slot per 0.75 key. */
  public static final int BYTES_PER_KEY = 21;
  /** Both halves of slot i at 2i and 2i+1: one cache line per probe instead of two arrays' two. */
  private long[] slots;
  private int size;
  private int mask;
  private boolean hasZero;

  public LongPairHashSet(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, (int) (expected / LOAD)) - 1) << 1;
    slots = new long[cap * 2];
    mask = cap - 1;
  }

  /** Adds the key; returns false when it was already present. */
  public boolean add(long h, long l) {
    if (h == 0 && l == 0) {
      if (hasZero) return false;
      hasZero = true;
      return true;
    }
    long[] t = slots;
    int i = slot(h, l);
    while (true) {
      long sh = t[2 * i];
      long sl = t[2 * i + 1];
      if (sh == 0 && sl == 0) break;
      if (sh == h && sl == l) return false;
      i = (i + 1) & mask;
    }
    t[2 * i] = h;
    t[2 * i + 1] = l;
    if (++size > mask * LOAD) grow();
    return true;
  }

  /** True when the key is in the set. */
  public boolean contains(long h, long l) {
    if (h == 0 && l == 0) return hasZero;
    long[] t = slots;
    int i = slot(h, l);
    while (true) {
      long sh = t[2 * i];
      long sl = t[2 * i + 1];
      if (sh == 0 && sl == 0) return false;
      if (sh == h && sl == l) return true;
      i = (i + 1) & mask;
    }
  }

  /** Receives the two halves of each key. */
  @FunctionalInterface
  public interface PairConsumer {
    void accept(long h, long l);
  }

  /** Hands every key to {@code c}, in no particular order. */
  public void forEach(PairConsumer c) {
    if (hasZero) c.accept(0, 0);
    for (int j = 0; j < slots.length; j += 2) {
      if (slots[j] != 0 || slots[j + 1] != 0) c.accept(slots[j], slots[j + 1]);
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
    long[] old = slots;
    slots = new long[old.length * 2];
    mask = slots.length / 2 - 1;
    for (int j = 0; j < old.length; j += 2) {
      long h = old[j];
      long l = old[j + 1];
      if (h == 0 && l == 0) continue;
      int i = slot(h, l);
      while (slots[2 * i] != 0 || slots[2 * i + 1] != 0) i = (i + 1) & mask;
      slots[2 * i] = h;
      slots[2 * i + 1] = l;
    }
  }
}
