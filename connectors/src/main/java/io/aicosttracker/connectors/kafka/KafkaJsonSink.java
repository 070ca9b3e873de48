package io.aicosttracker.connectors.kafka;

import static org.apache.flink.util.Preconditions.checkArgument;

import io.aicosttracker.connectors.sink.TextFileSinks.RecordWriter;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;

/**
 * Kafka sinks that write records as JSON (dead letters, priced events).
 *
 * <p>{@code exactly-once} uses Kafka transactions committed on checkpoints, so readers with
 * {@code isolation.level=read_committed} see records only after the checkpoint completes.
 */
public final class KafkaJsonSink {
  private KafkaJsonSink() {}

  public static <T> KafkaSink<T> create(
      String bootstrapServers,
      String topic,
      RecordWriter<T> writer,
      JsonRecordSerializationSchema.KeyFunction<T> key,
      DeliveryGuarantee guarantee,
      String transactionalIdPrefix,
      Map<String, String> properties) {
    checkArgument(bootstrapServers != null && !bootstrapServers.isBlank(), "Kafka bootstrap servers are not set");
    checkArgument(topic != null && !topic.isBlank(), "Kafka topic is empty");
    Properties props = new Properties();
    props.putAll(properties);
    KafkaSinkBuilder<T> b =
        KafkaSink.<T>builder()
            .setBootstrapServers(bootstrapServers)
            .setKafkaProducerConfig(props)
            .setRecordSerializer(new JsonRecordSerializationSchema<>(topic, writer, key))
            .setDeliveryGuarantee(guarantee);
    if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) b.setTransactionalIdPrefix(transactionalIdPrefix);
    return b.build();
  }
}
