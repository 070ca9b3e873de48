package io.aicosttracker.jobs.sinks;

import io.aicosttracker.connectors.sink.TextFileSinks;
import io.aicosttracker.core.format.AggregateCsv;
import io.aicosttracker.core.format.UsageJson;
import io.aicosttracker.core.records.CostAggregate;
import io.aicosttracker.core.records.DeadLetter;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.jobs.pipeline.OutputAttachment;
import io.aicosttracker.jobs.pipeline.PipelineOutputs;
import java.nio.file.Path;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.ExecutionOptions;

/**
 * Writes the pipeline's outputs as files under one directory: {@code priced-events/} and
 * {@code dead-letters/} as JSON lines, {@code usage-hourly/} and {@code usage-daily/} as CSV.
 */
public final class FileOutputs implements OutputAttachment {
  public static final String PRICED = "priced-events";
  public static final String HOURLY = "usage-hourly";
  public static final String DAILY = "usage-daily";
  public static final String DEAD_LETTERS = "dead-letters";

  private final Path dir;
  private final boolean pricedEvents;

  public FileOutputs(Path dir, boolean pricedEvents) {
    this.dir = dir;
    this.pricedEvents = pricedEvents;
  }

  @Override
  public void attach(PipelineOutputs outputs) {
    boolean bounded =
        outputs.priced().getExecutionEnvironment().getConfiguration().get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH;
    if (pricedEvents) {
      outputs
          .priced()
          .sinkTo(TextFileSinks.<PricedUsage>jsonLines(dir.resolve(PRICED), UsageJson::writePriced, bounded))
          .uid("sink-priced-files")
          .name("priced-events files");
    }
    outputs
        .hourly()
        .sinkTo(TextFileSinks.<CostAggregate>csv(dir.resolve(HOURLY), AggregateCsv.HEADER, AggregateCsv::toRow))
        .uid("sink-hourly-files")
        .name("usage-hourly files");
    outputs
        .daily()
        .sinkTo(TextFileSinks.<CostAggregate>csv(dir.resolve(DAILY), AggregateCsv.HEADER, AggregateCsv::toRow))
        .uid("sink-daily-files")
        .name("usage-daily files");
    outputs
        .deadLetters()
        .sinkTo(TextFileSinks.<DeadLetter>jsonLines(dir.resolve(DEAD_LETTERS), UsageJson::writeDeadLetter, bounded))
        .uid("sink-dead-letter-files")
        .name("dead-letter files");
  }

}
