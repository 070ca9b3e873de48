package io.aicosttracker.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.connectors.jdbc.DeadLetterCountRow;
import io.aicosttracker.core.records.DeadLetter;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Dead letters to (hour, origin, reason) counts: classification, bucketing and running totals. */
class DeadLetterCountsTest {
  private static final long HOUR = 3_600_000L;
  private static final long T0 = 1_790_000_000_000L / HOUR * HOUR;

  @Test
  void errorMessagesFallIntoStableReasonClasses() {
    assertThat(DeadLetterReasons.classify("malformed JSON: unexpected end of input")).isEqualTo("invalid_json");
    assertThat(DeadLetterReasons.classify("expected a JSON object")).isEqualTo("invalid_json");
    assertThat(DeadLetterReasons.classify("missing required field 'provider'")).isEqualTo("missing_field");
    assertThat(DeadLetterReasons.classify("field 'input_tokens' must be an integer >= 0, got -5")).isEqualTo("invalid_field");
    assertThat(DeadLetterReasons.classify("cache_read_tokens + cache_write_tokens (9) exceed input_tokens (1)")).isEqualTo("invalid_field");
    assertThat(DeadLetterReasons.classify("field 'timestamp' is more than 24h in the future")).isEqualTo("future_timestamp");
    assertThat(DeadLetterReasons.classify("record exceeds the limit of 1048576 bytes")).isEqualTo("too_large");
    assertThat(DeadLetterReasons.classify("malformed CSV: unbalanced quote")).isEqualTo("invalid_csv");
    assertThat(DeadLetterReasons.classify("CSV row has 3 cells, the header names 5")).isEqualTo("invalid_csv");
    assertThat(DeadLetterReasons.classify("empty record")).isEqualTo("empty");
    assertThat(DeadLetterReasons.classify("late: event time 2026-01-01T00:00:00Z is beyond the allowed lateness")).isEqualTo("late");
    assertThat(DeadLetterReasons.classify("something new")).isEqualTo("other");
  }

  @Test
  void bucketIsTheRecordTimestampsHourOrElseTheProcessingHour() throws Exception {
    try (OneInputStreamOperatorTestHarness<DeadLetter, DeadLetterCountRow> h = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new DeadLetterBucket()))) {
      h.open();
      h.setProcessingTime(T0 + 5 * HOUR + 7);
      DeadLetter kafka = new DeadLetter();
      kafka.topic = "usage";
      kafka.error = "empty record";
      h.processElement(new StreamRecord<>(kafka, T0 + 1_234));
      h.processElement(new StreamRecord<>(DeadLetter.fromFile("/in/a.jsonl", 3, "malformed JSON: x", "x", false))); // no timestamp
      DeadLetter late = new DeadLetter();
      late.error = "late: event time ...";
      h.processElement(new StreamRecord<>(late, T0 - 2 * HOUR + 1));
      List<DeadLetterCountRow> rows = h.extractOutputValues();
      assertThat(rows).extracting(r -> r.bucketStart + " " + r.origin + " " + r.reason + " " + r.count).containsExactly(
          T0 + " usage empty 1",
          (T0 + 5 * HOUR) + " /in/a.jsonl invalid_json 1",
          (T0 - 2 * HOUR) + " pipeline late 1");
    }
  }

  @Test
  void runningTotalsAreFlushedPeriodicallyAtEndOfInputAndSurviveARestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness()) {
      h.open();
      h.setProcessingTime(0);
      h.processElement(row(1), 0);
      h.processElement(row(1), 0);
      assertThat(h.extractOutputValues()).isEmpty();
      h.setProcessingTime(5_000);
      assertThat(counts(h)).containsExactly(2L);
      h.processElement(row(1), 0);
      snapshot = h.snapshot(1, 5_000);
    }
    try (var h = harness()) {
      h.initializeState(snapshot);
      h.open();
      h.processElement(row(1), 0); // replayed after the checkpoint
      h.setProcessingTime(10_000);
      assertThat(counts(h)).containsExactly(4L);
      h.processWatermark(new Watermark(Long.MAX_VALUE));
      assertThat(counts(h)).containsExactly(4L, 4L);
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, DeadLetterCountRow, DeadLetterCountRow> harness() throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new CountDeadLetters(Duration.ofSeconds(5), Duration.ofDays(2))), DeadLetterBucket::key, Types.STRING);
  }

  private static List<Long> counts(KeyedOneInputStreamOperatorTestHarness<String, DeadLetterCountRow, DeadLetterCountRow> h) {
    return h.extractOutputValues().stream().map(r -> r.count).toList();
  }

  private static DeadLetterCountRow row(long count) {
    DeadLetterCountRow r = new DeadLetterCountRow();
    r.bucketStart = T0;
    r.origin = "usage";
    r.reason = "empty";
    r.count = count;
    return r;
  }
}
