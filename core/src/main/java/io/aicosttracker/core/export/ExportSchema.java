package io.aicosttracker.core.export;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered columns of one export (a dataset in the native or the FOCUS column set), plus the
 * time that places a row in its {@code dt=YYYY-MM-DD} partition.
 *
 * @param <T> the row type
 */
public final class ExportSchema<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Epoch millis UTC of a row: event time for events, window start for aggregates. */
  @FunctionalInterface
  public interface RowTime<T> extends Serializable {
    long of(T row);
  }

  private final String name;
  private final List<ExportColumn<T>> columns;
  private final RowTime<T> rowTime;

  private ExportSchema(String name, List<ExportColumn<T>> columns, RowTime<T> rowTime) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.rowTime = rowTime;
  }

  /** Starts a schema called {@code name} (also the Avro record name, so letters, digits and _). */
  public static <T> Builder<T> builder(String name, RowTime<T> rowTime) {
    return new Builder<>(name, rowTime);
  }

  public String name() {
    return name;
  }

  public List<ExportColumn<T>> columns() {
    return columns;
  }

  public long rowTime(T row) {
    return rowTime.of(row);
  }

  /** Column names in order. */
  public List<String> columnNames() {
    return columns.stream().map(ExportColumn::name).toList();
  }

  /** Adds columns in order; {@code required} columns are never null, {@code optional} ones may be. */
  public static final class Builder<T> {
    private final String name;
    private final RowTime<T> rowTime;
    private final List<ExportColumn<T>> columns = new ArrayList<>();

    private Builder(String name, RowTime<T> rowTime) {
      this.name = name;
      this.rowTime = rowTime;
    }

    public Builder<T> required(String column, ColumnType type, ExportColumn.Getter<T> getter) {
      columns.add(new ExportColumn<>(column, type, false, getter));
      return this;
    }

    public Builder<T> optional(String column, ColumnType type, ExportColumn.Getter<T> getter) {
      columns.add(new ExportColumn<>(column, type, true, getter));
      return this;
    }

    public ExportSchema<T> build() {
      if (columns.isEmpty()) throw new IllegalStateException("schema " + name + " has no columns");
      long distinct = columns.stream().map(ExportColumn::name).distinct().count();
      if (distinct != columns.size()) throw new IllegalStateException("schema " + name + " repeats a column name");
      return new ExportSchema<>(name, columns, rowTime);
    }
  }
}
