package io.aicosttracker.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HourBucketsTest {

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Europe/Berlin", "Asia/Kolkata", "America/St_Johns"})
  void namesEveryBucketAsTheDefaultAssignerDoes(String zoneId) {
    ZoneId zone = ZoneId.of(zoneId);
    HourBuckets<String> cached = new HourBuckets<>(zone);
    DateTimeBucketAssigner<String> reference = new DateTimeBucketAssigner<>(zone);
    // a walk forward in small steps (crossing both 2026 daylight-saving switches), then random jumps
    long t = Instant.parse("2026-03-28T00:00:00Z").toEpochMilli();
    SplittableRandom random = new SplittableRandom(7);
    int compared = 0;
    for (int i = 0; i < 20_000; i++, compared++) {
      t += random.nextLong(1, 7 * 60_000);
      assertThat(cached.bucketAt(t)).as("at %s", Instant.ofEpochMilli(t)).isEqualTo(reference.getBucketId("x", at(t)));
    }
    long end = Instant.parse("2026-10-26T00:00:00Z").toEpochMilli();
    for (t = Instant.parse("2026-10-24T00:00:00Z").toEpochMilli(); t < end; t += 59_999, compared++) {
      assertThat(cached.bucketAt(t)).as("at %s", Instant.ofEpochMilli(t)).isEqualTo(reference.getBucketId("x", at(t)));
    }
    for (int i = 0; i < 5_000; i++, compared++) {
      t = random.nextLong(0, 4_102_444_800_000L);
      assertThat(cached.bucketAt(t)).as("at %s", Instant.ofEpochMilli(t)).isEqualTo(reference.getBucketId("x", at(t)));
    }
    assertThat(compared).isGreaterThan(25_000);
  }

  private static BucketAssigner.Context at(long processingTime) {
    return new BucketAssigner.Context() {
      @Override
      public long currentProcessingTime() {
        return processingTime;
      }

      @Override
      public long currentWatermark() {
        return Long.MIN_VALUE;
      }

      @Override
      public Long timestamp() {
        return null;
      }
    };
  }
}
