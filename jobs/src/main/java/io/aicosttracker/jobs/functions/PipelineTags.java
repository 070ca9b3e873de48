package io.aicosttracker.jobs.functions;

import io.aicosttracker.core.records.DeadLetter;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import org.apache.flink.util.OutputTag;

/** The side outputs of the pipeline, kept together so every function uses the same tags. */
public final class PipelineTags {
  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};
  public static final OutputTag<UsageEvent> DUPLICATES = new OutputTag<>("duplicates") {};
  public static final OutputTag<PricedUsage> LATE = new OutputTag<>("late-events") {};

  private PipelineTags() {}
}
