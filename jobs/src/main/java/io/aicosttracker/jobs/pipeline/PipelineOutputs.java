package io.aicosttracker.jobs.pipeline;

import io.aicosttracker.core.records.CostAggregate;
import io.aicosttracker.core.records.DeadLetter;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The streams the usage pipeline produces; sinks and later stages attach to them. */
public record PipelineOutputs(
    DataStream<PricedUsage> priced,
    DataStream<CostAggregate> hourly,
    DataStream<CostAggregate> daily,
    DataStream<DeadLetter> deadLetters,
    DataStream<UsageEvent> duplicates) {}
