package io.aicosttracker.jobs.pipeline;

import io.aicosttracker.connectors.records.ParsedRecord;
import io.aicosttracker.connectors.serialization.RecordTypes;
import io.aicosttracker.core.records.CostAggregate;
import io.aicosttracker.core.records.DeadLetter;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import io.aicosttracker.jobs.functions.CombineHourlyPartials;
import io.aicosttracker.jobs.functions.DeduplicateRecentEvents;
import io.aicosttracker.jobs.functions.DeduplicateInMemory;
import io.aicosttracker.jobs.functions.DropLateEvents;
import io.aicosttracker.jobs.functions.PipelineTags;
import io.aicosttracker.jobs.functions.PriceEvents;
import io.aicosttracker.jobs.functions.SplitParsedRecords;
import io.aicosttracker.jobs.functions.StampWindow;
import io.aicosttracker.jobs.functions.SumPartials;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The shared job graph: split dead letters, de-duplicate, price, drop late events to the dead
 * letters, and aggregate per hour and per day (UTC) by (project, provider, model, source).
 *
 * <p>Used by the batch run over files and by the streaming Kafka job; every operator has a
 * stable uid so savepoints stay restorable as the graph grows.
 */
public final class UsagePipeline {
  private UsagePipeline() {}

  /**
   * Event-time watermarks for parsed records: bounded out-of-orderness plus source idleness, moved
   * by valid events only. Dead letters keep the source's record timestamp (Kafka: the record's
   * timestamp), which the dead-letter counts use as their time.
   */
  public static WatermarkStrategy<ParsedRecord> watermarks(PipelineOptions options) {
    WatermarkStrategy<ParsedRecord> events =
        WatermarkStrategy.<ParsedRecord>forBoundedOutOfOrderness(options.outOfOrderness).withIdleness(options.idleness);
    return WatermarkStrategy.<ParsedRecord>forGenerator(ctx -> new EventsOnlyWatermarks(events.createWatermarkGenerator(ctx)))
        .withTimestampAssigner((r, previous) -> r.event != null ? r.event.timestamp : previous);
  }

  /** Builds the pipeline on {@code parsed}, a source stream with timestamps and watermarks. */
  static {
    RecordTypes.register();
  }

  public static PipelineOutputs build(DataStream<ParsedRecord> parsed, PipelineOptions options) {
    return build(java.util.List.of(parsed), options);
  }

  /**
   * Builds the pipeline on several sources (one per input file), splitting dead letters inside
   * each source's chain so that only valid events cross the network, once.
   */
  public static PipelineOutputs build(java.util.List<DataStream<ParsedRecord>> sources, PipelineOptions options) {
    DataStream<UsageEvent> valid = null;
    DataStream<DeadLetter> invalid = null;
    for (int i = 0; i < sources.size(); i++) {
      SingleOutputStreamOperator<UsageEvent> split =
          sources.get(i)
              .process(new SplitParsedRecords())
              .uid(i == 0 ? "split-dead-letters" : "split-dead-letters-" + i)
              .name("Split dead letters");
      valid = valid == null ? split : valid.union(split);
      DataStream<DeadLetter> dead = split.getSideOutput(PipelineTags.DEAD_LETTERS);
      invalid = invalid == null ? dead : invalid.union(dead);
    }

    SingleOutputStreamOperator<UsageEvent> unique =
        options.batch ? dedupeBatch(valid, options.expectedEvents) : dedupeStreaming(valid, options);

    SingleOutputStreamOperator<PricedUsage> onTime =
        unique
            .map(new PriceEvents(options.catalog))
            .uid("price")
            .name("Price events")
            .process(new DropLateEvents(options.allowedLateness.toMillis()))
            .uid("drop-late")
            .name("Dead-letter late events");

    DataStream<CostAggregate> partials =
        onTime
            .transform("Combine hourly partials", TypeInformation.of(CostAggregate.class), new CombineHourlyPartials())
            .uid("combine-partials");
    DataStream<CostAggregate> hourly = window(partials, Duration.ofHours(1), CostAggregate.HOUR, options);
    DataStream<CostAggregate> daily = window(partials, Duration.ofDays(1), CostAggregate.DAY, options);

    DataStream<DeadLetter> late =
        onTime
            .getSideOutput(PipelineTags.LATE)
            .map(UsagePipeline::lateDeadLetter)
            .uid("late-dead-letters")
            .name("Late events as dead letters");
    DataStream<DeadLetter> deadLetters = invalid.union(late);
    return new PipelineOutputs(onTime, hourly, daily, deadLetters, unique.getSideOutput(PipelineTags.DUPLICATES));
  }

  /** Checkpointed and retention-bounded: what a continuous job needs. */
  private static SingleOutputStreamOperator<UsageEvent> dedupeStreaming(DataStream<UsageEvent> valid, PipelineOptions options) {
    return valid
        .partitionCustom(DeduplicateRecentEvents.PARTITIONER, DeduplicateRecentEvents.KEY)
        .process(new DeduplicateRecentEvents(options.dedupeTtl))
        .uid("deduplicate-recent")
        .name("De-duplicate by event_id");
  }

  /** Hash-partitioned without the sort a keyed operator costs in BATCH mode. */
  private static SingleOutputStreamOperator<UsageEvent> dedupeBatch(DataStream<UsageEvent> valid, long expectedEvents) {
    return valid
        .partitionCustom((String id, int partitions) -> Math.floorMod(id.hashCode(), partitions), e -> e.eventId)
        .process(new DeduplicateInMemory(expectedEvents))
        .uid("deduplicate-batch")
        .name("De-duplicate by event_id");
  }

  private static DataStream<CostAggregate> window(
      DataStream<CostAggregate> partials, Duration size, String granularity, PipelineOptions options) {
    return partials
        .keyBy(CostAggregate::dimensionKey, TypeInformation.of(String.class))
        .window(TumblingEventTimeWindows.of(size))
        .allowedLateness(options.allowedLateness)
        .aggregate(new SumPartials(), new StampWindow(granularity))
        .uid("aggregate-" + granularity)
        .name("Aggregate per " + granularity);
  }

  private static DeadLetter lateDeadLetter(PricedUsage e) {
    DeadLetter d = new DeadLetter();
    d.error = "late: event time " + java.time.Instant.ofEpochMilli(e.timestamp) + " is beyond the allowed lateness";
    d.raw = io.aicosttracker.core.format.UsageJson.toInputJson(e);
    return d;
  }
}
