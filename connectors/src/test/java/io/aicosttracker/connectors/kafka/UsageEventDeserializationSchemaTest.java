package io.aicosttracker.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.connectors.records.ParsedRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class UsageEventDeserializationSchemaTest {
  private final UsageEventDeserializationSchema schema = new UsageEventDeserializationSchema(1 << 20, 24L * 3600 * 1000);

  private ParsedRecord deserialize(byte[] value) throws Exception {
    List<ParsedRecord> out = new ArrayList<>();
    schema.deserialize(new ConsumerRecord<>("usage-events", 3, 42L, null, value), new Collector<>() {
      @Override
      public void collect(ParsedRecord r) {
        out.add(r);
      }

      @Override
      public void close() {}
    });
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  @Test
  void validRecordBecomesAnEvent() throws Exception {
    ParsedRecord r =
        deserialize(
            ("{\"event_id\":\"e1\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
                    + "\"project\":\"search\",\"input_tokens\":10,\"source\":\"api\"}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(r.isValid()).isTrue();
    assertThat(r.event.eventId).isEqualTo("e1");
    assertThat(r.event.inputTokens).isEqualTo(10);
  }

  @Test
  void invalidRecordBecomesADeadLetterWithItsPosition() throws Exception {
    ParsedRecord r = deserialize("{\"event_id\":\"e1\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(r.isValid()).isFalse();
    assertThat(r.deadLetter.topic).isEqualTo("usage-events");
    assertThat(r.deadLetter.partition).isEqualTo(3);
    assertThat(r.deadLetter.offset).isEqualTo(42L);
    assertThat(r.deadLetter.error).isEqualTo("missing required field 'timestamp'");
    assertThat(r.deadLetter.raw).isEqualTo("{\"event_id\":\"e1\"}");
    assertThat(r.deadLetter.rawBase64).isFalse();
  }

  @Test
  void binaryAndEmptyRecordsAreDeadLettersToo() throws Exception {
    ParsedRecord garbage = deserialize(new byte[] {(byte) 0xc3, (byte) 0x28, 0x01});
    assertThat(garbage.deadLetter.rawBase64).isTrue();
    assertThat(garbage.deadLetter.raw).isEqualTo("wygB");
    assertThat(deserialize(new byte[0]).deadLetter.error).isEqualTo("empty record");
    assertThat(deserialize(null).deadLetter.error).isEqualTo("empty record");
  }
}
