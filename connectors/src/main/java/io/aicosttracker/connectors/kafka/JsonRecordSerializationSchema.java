package io.aicosttracker.connectors.kafka;

import io.aicosttracker.connectors.sink.TextFileSinks.RecordWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes each element as one JSON object (no trailing newline) to a fixed topic, with an optional key. */
public final class JsonRecordSerializationSchema<T> implements KafkaRecordSerializationSchema<T> {
  private static final long serialVersionUID = 1L;

  /** A serializable record-to-key function; may return null for no key. */
  @FunctionalInterface
  public interface KeyFunction<T> extends Function<T, String>, Serializable {}

  private final String topic;
  private final RecordWriter<T> writer;
  private final KeyFunction<T> key;
  private transient ByteArrayOutputStream buffer;

  public JsonRecordSerializationSchema(String topic, RecordWriter<T> writer, KeyFunction<T> key) {
    this.topic = topic;
    this.writer = writer;
    this.key = key;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
    if (buffer == null) buffer = new ByteArrayOutputStream(512);
    buffer.reset();
    try {
      writer.write(element, buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = buffer.toByteArray();
    int len = bytes.length;
    if (len > 0 && bytes[len - 1] == '\n') bytes = Arrays.copyOf(bytes, len - 1);
    String k = key == null ? null : key.apply(element);
    return new ProducerRecord<>(topic, null, timestamp, k == null ? null : k.getBytes(StandardCharsets.UTF_8), bytes);
  }
}
