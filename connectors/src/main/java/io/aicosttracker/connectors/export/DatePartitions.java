package io.aicosttracker.connectors.export;

import io.aicosttracker.core.export.ExportSchema;
import io.aicosttracker.core.export.UtcTimestamps;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/** Puts each row in the {@code dt=YYYY-MM-DD} directory of its row time (UTC). */
final class DatePartitions<T> implements BucketAssigner<T, String> {
  private static final long serialVersionUID = 1L;
  private final ExportSchema<T> schema;

  DatePartitions(ExportSchema<T> schema) {
    this.schema = schema;
  }

  /** The partition directory name of a row time. */
  static String partitionOf(long epochMillis) {
    return "dt=" + UtcTimestamps.date(epochMillis);
  }

  @Override
  public String getBucketId(T element, Context context) {
    return partitionOf(schema.rowTime(element));
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }
}
