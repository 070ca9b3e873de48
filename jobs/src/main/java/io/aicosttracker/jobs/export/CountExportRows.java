package io.aicosttracker.jobs.export;

import io.aicosttracker.core.export.ExportSchema;
import java.io.Serializable;
import org.apache.flink.api.common.accumulators.DoubleCounter;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;

/**
 * Keeps the rows the export filter selects and counts them (rows, cost, row-time range) into
 * accumulators, which the progress line and the manifest read.
 */
final class CountExportRows<T> extends RichFilterFunction<T> {
  private static final long serialVersionUID = 1L;

  /** Project, source and cost of a row. */
  interface RowFacts<T> extends Serializable {
    String project(T row);

    String source(T row);

    double costUsd(T row);
  }

  private final ExportSchema<T> schema;
  private final ExportFilter filter;
  private final RowFacts<T> facts;
  private transient LongCounter rows;
  private transient DoubleCounter cost;
  private transient LongMinimum minTime;
  private transient LongMaximum maxTime;

  CountExportRows(ExportSchema<T> schema, ExportFilter filter, RowFacts<T> facts) {
    this.schema = schema;
    this.filter = filter;
    this.facts = facts;
  }

  @Override
  public void open(OpenContext openContext) {
    rows = getRuntimeContext().getLongCounter(ExportCounters.ROWS);
    cost = getRuntimeContext().getDoubleCounter(ExportCounters.COST_USD);
    minTime = new LongMinimum();
    maxTime = new LongMaximum();
    getRuntimeContext().addAccumulator(ExportCounters.MIN_TIME, minTime);
    getRuntimeContext().addAccumulator(ExportCounters.MAX_TIME, maxTime);
  }

  @Override
  public boolean filter(T row) {
    long time = schema.rowTime(row);
    if (!filter.keeps(time, facts.project(row), facts.source(row))) return false;
    rows.add(1);
    cost.add(facts.costUsd(row));
    minTime.add(time);
    maxTime.add(time);
    return true;
  }
}
