package io.aicosttracker.core.export;

import java.io.Serializable;

/**
 * One column of an export: its name, type, whether it may be empty, and how to read it from a row.
 *
 * @param <T> the row type (a priced event, an aggregate, ...)
 */
public record ExportColumn<T>(String name, ColumnType type, boolean nullable, Getter<T> getter)
    implements Serializable {

  /** Reads the column's value: a String, Long or Double (TIMESTAMP: epoch millis), or null. */
  @FunctionalInterface
  public interface Getter<T> extends Serializable {
    Object get(T row);
  }

  public Object get(T row) {
    return getter.get(row);
  }
}
