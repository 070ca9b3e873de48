package io.aicosttracker.jobs.sinks;

import io.aicosttracker.connectors.jdbc.DeadLetterCountRow;
import io.aicosttracker.connectors.jdbc.JdbcSinks;
import io.aicosttracker.core.records.DeadLetter;
import io.aicosttracker.jobs.functions.CountDeadLetters;
import io.aicosttracker.jobs.functions.DeadLetterBucket;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Dead letters counted per hour, origin (file or topic) and reason class into
 * {@code dead_letter_counts} (the Overview dashboard's "dead letters by reason").
 */
public final class DeadLetterCounts {
  /** How often a changing count is re-upserted; the final count is also written at end of input. */
  public static final Duration FLUSH_INTERVAL = Duration.ofSeconds(5);
  /** How long a (hour, origin, reason) count is kept after its last record. */
  public static final Duration RETENTION = Duration.ofDays(2);

  private DeadLetterCounts() {}

  /** Counts {@code deadLetters} and upserts the running totals. */
  public static DataStream<DeadLetterCountRow> attach(DataStream<DeadLetter> deadLetters, JdbcSinks tables) {
    DataStream<DeadLetterCountRow> counts =
        deadLetters
            .process(new DeadLetterBucket())
            .returns(TypeInformation.of(DeadLetterCountRow.class))
            .uid("dead-letter-buckets")
            .name("dead letters by hour, origin, reason")
            .keyBy(DeadLetterBucket::key, TypeInformation.of(String.class))
            .process(new CountDeadLetters(FLUSH_INTERVAL, RETENTION))
            .returns(TypeInformation.of(DeadLetterCountRow.class))
            .uid("dead-letter-counts")
            .name("count dead letters");
    tables.deadLetterCounts(counts);
    return counts;
  }
}
