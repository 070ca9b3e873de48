package io.aicosttracker.jobs.functions;

import io.aicosttracker.connectors.records.ParsedRecord;
import io.aicosttracker.core.records.UsageEvent;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Sends valid events on and dead letters to {@link PipelineTags#DEAD_LETTERS}, counting both. */
public class SplitParsedRecords extends ProcessFunction<ParsedRecord, UsageEvent> {
  private transient LongCounter read;
  private transient LongCounter dead;
  private transient Counter readMetric;
  private transient Counter deadMetric;

  @Override
  public void open(OpenContext openContext) {
    read = getRuntimeContext().getLongCounter(PipelineCounters.READ);
    dead = getRuntimeContext().getLongCounter(PipelineCounters.DEAD_LETTERED);
    readMetric = getRuntimeContext().getMetricGroup().counter("eventsRead");
    deadMetric = getRuntimeContext().getMetricGroup().counter("eventsDeadLettered");
  }

  @Override
  public void processElement(ParsedRecord record, Context ctx, Collector<UsageEvent> out) {
    read.add(1);
    readMetric.inc();
    if (record.isValid()) {
      out.collect(record.event);
    } else {
      dead.add(1);
      deadMetric.inc();
      ctx.output(PipelineTags.DEAD_LETTERS, record.deadLetter);
    }
  }
}
