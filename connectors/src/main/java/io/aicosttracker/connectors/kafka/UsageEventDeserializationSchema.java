package io.aicosttracker.connectors.kafka;

import io.aicosttracker.connectors.records.ParsedRecord;
import io.aicosttracker.connectors.records.RawText;
import io.aicosttracker.core.parse.InvalidEventException;
import io.aicosttracker.core.parse.UsageEventParser;
import io.aicosttracker.core.records.DeadLetter;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Parses and validates each Kafka record value (one usage event as a JSON object) inside the
 * source, emitting a valid event or a dead letter that names topic, partition and offset.
 *
 * <p>Parsing here, rather than in a later {@code map}, lets the source assign timestamps and
 * per-partition watermarks to parsed events. Nothing is dropped: an empty or tombstone record is
 * a dead letter too; bytes that are not UTF-8 are kept as base64.
 */
public final class UsageEventDeserializationSchema implements KafkaRecordDeserializationSchema<ParsedRecord> {
  private static final long serialVersionUID = 1L;

  private final int maxRecordBytes;
  private final long maxFutureMillis;
  private transient UsageEventParser parser;

  public UsageEventDeserializationSchema(int maxRecordBytes, long maxFutureMillis) {
    this.maxRecordBytes = maxRecordBytes;
    this.maxFutureMillis = maxFutureMillis;
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    parser = new UsageEventParser(maxRecordBytes, maxFutureMillis, System::currentTimeMillis);
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ParsedRecord> out) {
    if (parser == null) open(null);
    byte[] value = record.value();
    if (value == null || value.length == 0) {
      out.collect(dead(record, "empty record", new byte[0]));
      return;
    }
    try {
      out.collect(ParsedRecord.ofEvent(parser.parseJson(value, 0, value.length)));
    } catch (InvalidEventException e) {
      out.collect(dead(record, e.getMessage(), value));
    }
  }

  private static ParsedRecord dead(ConsumerRecord<byte[], byte[]> record, String error, byte[] value) {
    RawText raw = RawText.of(value, 0, value.length);
    DeadLetter d = new DeadLetter();
    d.topic = record.topic();
    d.partition = record.partition();
    d.offset = record.offset();
    d.error = error;
    d.raw = raw.text();
    d.rawBase64 = raw.isBase64();
    return ParsedRecord.ofDeadLetter(d);
  }

  @Override
  public TypeInformation<ParsedRecord> getProducedType() {
    return io.aicosttracker.connectors.serialization.RecordTypes.PARSED_RECORD;
  }
}
