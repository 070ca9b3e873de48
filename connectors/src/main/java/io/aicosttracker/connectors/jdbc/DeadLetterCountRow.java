package io.aicosttracker.connectors.jdbc;

/** Rejected records in one hour bucket, origin and reason: a row of {@code dead_letter_counts}. */
public class DeadLetterCountRow {
  /** Hour bucket start, epoch millis UTC. */
  public long bucketStart;
  /** File name or Kafka topic. */
  public String origin;
  /** Short reason category, e.g. {@code late}, {@code invalid_json}, {@code missing_field}. */
  public String reason;
  public long count;

  public DeadLetterCountRow() {}
}
