package io.aicosttracker.jobs.functions;

import io.aicosttracker.connectors.jdbc.DeadLetterCountRow;
import io.aicosttracker.core.records.DeadLetter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns a dead letter into a count-of-one row for its (hour, origin, reason class).
 *
 * <p>The hour is that of the record's stream timestamp when it has one, else of the processing
 * time. A rejected record has no event time of its own, so this is the best stable time there is:
 * for Kafka it is the record's Kafka timestamp (the same on every replay, so a recovery from a
 * checkpoint recounts into the same rows), for late events their event time (the hour whose
 * usage is missing from the aggregates). Records read from files carry no timestamp and are
 * bucketed by the hour they were rejected in.
 */
public class DeadLetterBucket extends ProcessFunction<DeadLetter, DeadLetterCountRow> {
  private static final long HOUR = 3_600_000L;
  /** Origin of dead letters that name neither a file nor a topic (late events, decided after parsing). */
  public static final String PIPELINE_ORIGIN = "pipeline";

  @Override
  public void processElement(DeadLetter d, Context ctx, Collector<DeadLetterCountRow> out) {
    Long ts = ctx.timestamp();
    long time = ts != null && ts != Long.MIN_VALUE ? ts : ctx.timerService().currentProcessingTime();
    DeadLetterCountRow r = new DeadLetterCountRow();
    r.bucketStart = Math.floorDiv(time, HOUR) * HOUR;
    r.origin = d.file != null ? d.file : d.topic != null ? d.topic : PIPELINE_ORIGIN;
    r.reason = DeadLetterReasons.classify(d.error);
    r.count = 1;
    out.collect(r);
  }

  /** The key of a row: hour, origin and reason. */
  public static String key(DeadLetterCountRow r) {
    return r.bucketStart + "\u0001" + r.origin + "\u0001" + r.reason;
  }
}
