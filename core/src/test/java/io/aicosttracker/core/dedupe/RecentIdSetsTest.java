package io.aicosttracker.core.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecentIdSetsTest {
  private static final long HOUR = 3_600_000L;

  @Test
  void remembersAnIdForAtLeastTheRetentionAndForgetsItAfterOneAndAHalf() {
    RecentIdSets s = new RecentIdSets(48 * HOUR);
    assertThat(s.firstSeen(1, 2, 0)).isTrue();
    assertThat(s.firstSeen(1, 2, 1)).isFalse();
    // 47 h later (several generations on) it is still a duplicate
    for (long t = 0; t <= 47 * HOUR; t += HOUR) s.firstSeen(100 + t, 7, t);
    assertThat(s.firstSeen(1, 2, 48 * HOUR - 1)).isFalse();
    // the generation it sits in closed at 24 h and is dropped 48 h after that
    assertThat(s.firstSeen(1, 2, 72 * HOUR)).isTrue();
    assertThat(s.generationCount()).isLessThanOrEqualTo(4);
  }

  @Test
  void agreesWithAPlainSetWithinTheRetention() {
    RecentIdSets s = new RecentIdSets(10_000);
    java.util.Set<Long> truth = new java.util.HashSet<>();
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 20_000; i++) {
      long id = r.nextInt(5_000);
      // everything happens within 4 s, well inside the 10 s retention
      assertThat(s.firstSeen(id, ~id, i / 5)).isEqualTo(truth.add(id));
    }
    assertThat(s.size()).isEqualTo(truth.size());
  }

  @Test
  void chunksRestoreOnlyTheKeysOfTheOwningPartition() {
    RecentIdSets s = new RecentIdSets(HOUR);
    SplittableRandom r = new SplittableRandom(5);
    int n = RecentIdSets.CHUNK_KEYS + 1_000; // more than one chunk
    long[][] keys = new long[n][];
    for (int i = 0; i < n; i++) {
      keys[i] = new long[] {r.nextLong(), r.nextLong()};
      s.firstSeen(keys[i][0], keys[i][1], i < 10 ? 0 : HOUR / 2 + 1); // two generations, the second over two chunks
    }
    s.firstSeen(0, 0, HOUR / 2 + 1);
    List<byte[]> chunks = s.toChunks();
    assertThat(chunks.size()).isGreaterThanOrEqualTo(3);

    long restoredTotal = 0;
    for (int p = 0; p < 3; p++) {
      RecentIdSets part = new RecentIdSets(HOUR);
      part.restore(chunks, p, 3);
      restoredTotal += part.size();
      for (long[] k : keys) {
        boolean owned = LongPairHashSet.partition(k[0], k[1], 3) == p;
        // a restored key is a duplicate; a key another partition owns is new here
        assertThat(part.firstSeen(k[0], k[1], HOUR / 2 + 2)).isEqualTo(!owned);
      }
    }
    assertThat(restoredTotal).isEqualTo(n + 1);
  }

  @Test
  void rejectsStateItCannotRead() {
    RecentIdSets s = new RecentIdSets(HOUR);
    byte[] bad = java.nio.ByteBuffer.allocate(16).putInt(99).array();
    assertThatThrownBy(() -> s.restore(List.of(bad), 0, 1)).hasMessageContaining("format 99");
  }
}
