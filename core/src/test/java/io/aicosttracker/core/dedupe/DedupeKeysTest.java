package io.aicosttracker.core.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DedupeKeysTest {
  @Test
  void uuidMapsToItsOwnBits() {
    UUID u = UUID.randomUUID();
    long[] k = new long[2];
    EventIdKey.of(u.toString(), k);
    assertThat(k).containsExactly(u.getMostSignificantBits(), u.getLeastSignificantBits());
  }

  @Test
  void otherIdsAreHashedAndUppercaseUuidsAreNotConfusedWithTheirLowercaseForm() {
    long[] a = new long[2];
    long[] b = new long[2];
    EventIdKey.of("order-1", a);
    EventIdKey.of("order-2", b);
    assertThat(a).isNotEqualTo(b);
    String u = UUID.randomUUID().toString();
    EventIdKey.of(u, a);
    EventIdKey.of(u.toUpperCase(), b);
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void setAgreesWithHashSetThroughGrowth() {
    LongPairHashSet set = new LongPairHashSet(4);
    Set<String> reference = new HashSet<>();
    Random r = new Random(3);
    for (int i = 0; i < 200_000; i++) {
      long h = r.nextInt(50_000) - 25_000; // small values: many collisions, includes (0, 0)
      long l = r.nextInt(3);
      assertThat(set.add(h, l)).isEqualTo(reference.add(h + ":" + l));
    }
    assertThat(set.size()).isEqualTo(reference.size());
  }
}
