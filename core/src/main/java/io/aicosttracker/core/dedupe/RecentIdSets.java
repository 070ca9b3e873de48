package io.aicosttracker.core.dedupe;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * The event ids seen within a retention period, as generations of {@link LongPairHashSet}s.
 *
 * <p>Each generation collects ids for {@code retention / 2} of processing time; a generation is
 * dropped once {@code retention} has passed since it closed, so every id is remembered for at
 * least the retention and at most 1.5 times it, with three to four sets to probe. Compared with
 * one keyed-state entry per id and a TTL per entry, this is ~21 bytes per id and no per-access
 * expiry bookkeeping; it serializes to compact byte chunks for operator state.
 */
public final class RecentIdSets {
  /** Keys per serialized chunk: 16 bytes each, so chunks stay near 4 MB. */
  static final int CHUNK_KEYS = 1 << 18;

  private static final int FORMAT = 1;

  private final long retentionMillis;
  private final long spanMillis;
  private final ArrayDeque<Generation> generations = new ArrayDeque<>();

  private static final class Generation {
    final long start;
    final LongPairHashSet ids;

    Generation(long start, int expected) {
      this.start = start;
      this.ids = new LongPairHashSet(expected);
    }
  }

  public RecentIdSets(long retentionMillis) {
    if (retentionMillis < 2) throw new IllegalArgumentException("retention must be at least 2 ms");
    this.retentionMillis = retentionMillis;
    this.spanMillis = retentionMillis / 2;
  }

  /** Records the key at processing time {@code now}; false when it was seen within the retention. */
  public boolean firstSeen(long h, long l, long now) {
    Generation current = advance(now);
    for (Generation g : generations) {
      if (g != current && g.ids.contains(h, l)) return false;
    }
    return current.ids.add(h, l);
  }

  /** Ids currently remembered. */
  public long size() {
    long n = 0;
    for (Generation g : generations) n += g.ids.size();
    return n;
  }

  public int generationCount() {
    return generations.size();
  }

  private Generation advance(long now) {
    Generation newest = generations.peekLast();
    if (newest == null || now >= newest.start + spanMillis) {
      newest = new Generation(now, 1 << 12);
      generations.addLast(newest);
    }
    Iterator<Generation> it = generations.iterator();
    while (it.hasNext()) {
      Generation g = it.next();
      if (g != newest && now >= g.start + spanMillis + retentionMillis) it.remove();
      else break;
    }
    return newest;
  }

  /** Serializes every generation into chunks of at most {@link #CHUNK_KEYS} keys. */
  public List<byte[]> toChunks() {
    List<byte[]> chunks = new ArrayList<>();
    for (Generation g : generations) {
      ChunkWriter w = new ChunkWriter(g.start, chunks);
      g.ids.forEach(w::add);
      w.close();
    }
    return chunks;
  }

  /**
   * Restores from chunks (possibly written by several instances before a rescale), keeping only
   * the keys {@code partition} of {@code partitions} owns under {@link LongPairHashSet#partition}.
   */
  public void restore(Iterable<byte[]> chunks, int partition, int partitions) {
    TreeMap<Long, Generation> byStart = new TreeMap<>();
    for (Generation g : generations) byStart.put(g.start, g);
    for (byte[] chunk : chunks) {
      ByteBuffer b = ByteBuffer.wrap(chunk);
      int format = b.getInt();
      if (format != FORMAT) throw new IllegalStateException("unknown de-duplication state format " + format);
      long start = b.getLong();
      int n = b.getInt();
      Generation g = byStart.computeIfAbsent(start, s -> new Generation(s, n));
      for (int i = 0; i < n; i++) {
        long h = b.getLong();
        long l = b.getLong();
        if (LongPairHashSet.partition(h, l, partitions) == partition) g.ids.add(h, l);
      }
    }
    generations.clear();
    generations.addAll(byStart.values());
  }

  private static final class ChunkWriter {
    private final long start;
    private final List<byte[]> out;
    private ByteBuffer buf;
    private int count;

    ChunkWriter(long start, List<byte[]> out) {
      this.start = start;
      this.out = out;
    }

    void add(long h, long l) {
      if (buf == null) {
        buf = ByteBuffer.allocate(16 + CHUNK_KEYS * 16);
        buf.putInt(FORMAT).putLong(start).putInt(0);
        count = 0;
      }
      buf.putLong(h).putLong(l);
      if (++count == CHUNK_KEYS) close();
    }

    void close() {
      if (buf == null) {
        // an empty generation still marks when it started
        out.add(ByteBuffer.allocate(16).putInt(FORMAT).putLong(start).putInt(0).array());
        return;
      }
      buf.putInt(12, count);
      byte[] bytes = new byte[buf.position()];
      System.arraycopy(buf.array(), 0, bytes, 0, bytes.length);
      out.add(bytes);
      buf = null;
    }
  }
}
