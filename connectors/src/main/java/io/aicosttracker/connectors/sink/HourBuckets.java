package io.aicosttracker.connectors.sink;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * The file sink's default buckets ({@code yyyy-MM-dd--HH} of the processing time, as
 * {@link DateTimeBucketAssigner} names them), formatted once per hour instead of once per record:
 * the per-record formatting took a twelfth of the batch job's write stage.
 */
public final class HourBuckets<T> implements BucketAssigner<T, String> {
  private static final long serialVersionUID = 1L;
  private static final String FORMAT = "yyyy-MM-dd--HH";

  private final ZoneId zone;
  private transient DateTimeFormatter formatter;
  private transient String current;
  private transient long currentFrom = Long.MAX_VALUE;
  private transient long currentUntil = Long.MIN_VALUE;

  /** Buckets in the machine's time zone, like {@link DateTimeBucketAssigner}'s default. */
  public HourBuckets() {
    this(ZoneId.systemDefault());
  }

  public HourBuckets(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public String getBucketId(T element, Context context) {
    return bucketAt(context.currentProcessingTime());
  }

  /** The bucket of processing time {@code millis}. */
  String bucketAt(long millis) {
    if (millis < currentFrom || millis >= currentUntil) {
      if (formatter == null) formatter = DateTimeFormatter.ofPattern(FORMAT).withZone(zone);
      // the hour in the zone (not millis / 3600000): zones with half-hour offsets start hours elsewhere
      ZonedDateTime hour = Instant.ofEpochMilli(millis).atZone(zone).truncatedTo(ChronoUnit.HOURS);
      current = formatter.format(hour);
      currentFrom = hour.toInstant().toEpochMilli();
      currentUntil = hour.plusHours(1).toInstant().toEpochMilli();
    }
    return current;
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "HourBuckets{zone=" + zone + "}";
  }
}
