package io.aicosttracker.core.export;

/**
 * The value types an export column can have; each format maps them to its own types.
 *
 * <p>{@link #TIMESTAMP} values are epoch milliseconds UTC ({@code Long}): ISO-8601 text in CSV and
 * JSON lines, a UTC {@code timestamp-millis} in Parquet. {@link #LONG} is a count (int64),
 * {@link #DOUBLE} money in USD or another measure (IEEE double).
 */
public enum ColumnType {
  STRING,
  LONG,
  DOUBLE,
  TIMESTAMP
}
