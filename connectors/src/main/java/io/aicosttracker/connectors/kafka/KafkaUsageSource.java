package io.aicosttracker.connectors.kafka;

import static org.apache.flink.util.Preconditions.checkArgument;
import static org.apache.flink.util.Preconditions.checkNotNull;

import io.aicosttracker.connectors.records.ParsedRecord;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Builds the FLIP-27 {@link KafkaSource} of usage events, parsing in the source.
 *
 * <pre>{@code
 * KafkaSource<ParsedRecord> source = KafkaUsageSource.builder()
 *     .bootstrapServers("localhost:9092").topic("usage-events").groupId("cost-tracker")
 *     .build();
 * }</pre>
 */
public final class KafkaUsageSource {
  /** Where a consumer group without committed offsets starts. */
  public enum StartingOffsets {
    EARLIEST,
    LATEST
  }

  private String bootstrapServers;
  private String topic = "usage-events";
  private String groupId = "cost-tracker";
  private StartingOffsets startingOffsets = StartingOffsets.EARLIEST;
  private boolean boundedToLatest;
  private int maxRecordBytes = 1 << 20;
  private long maxFutureMillis = 24L * 3600 * 1000;
  private final Properties properties = new Properties();

  KafkaUsageSource() {}

  public static KafkaUsageSource builder() {
    return new KafkaUsageSource();
  }

  public KafkaUsageSource bootstrapServers(String servers) {
    this.bootstrapServers = checkNotNull(servers);
    return this;
  }

  public KafkaUsageSource topic(String topic) {
    this.topic = checkNotNull(topic);
    return this;
  }

  public KafkaUsageSource groupId(String groupId) {
    this.groupId = checkNotNull(groupId);
    return this;
  }

  public KafkaUsageSource startingOffsets(StartingOffsets offsets) {
    this.startingOffsets = checkNotNull(offsets);
    return this;
  }

  /** Stops at the end offsets seen at job start (backfills, tests, benchmarks). */
  public KafkaUsageSource boundedToLatest(boolean bounded) {
    this.boundedToLatest = bounded;
    return this;
  }

  public KafkaUsageSource maxRecordBytes(int bytes) {
    this.maxRecordBytes = bytes;
    return this;
  }

  public KafkaUsageSource maxFutureMillis(long millis) {
    this.maxFutureMillis = millis;
    return this;
  }

  /** Extra Kafka consumer properties (security settings, client tuning). */
  public KafkaUsageSource properties(Map<String, String> props) {
    properties.putAll(props);
    return this;
  }

  public KafkaSource<ParsedRecord> build() {
    checkArgument(bootstrapServers != null && !bootstrapServers.isBlank(), "Kafka bootstrap servers are not set");
    checkArgument(!topic.isBlank(), "Kafka topic is empty");
    OffsetResetStrategy reset =
        startingOffsets == StartingOffsets.EARLIEST ? OffsetResetStrategy.EARLIEST : OffsetResetStrategy.LATEST;
    KafkaSourceBuilder<ParsedRecord> b =
        KafkaSource.<ParsedRecord>builder()
            .setBootstrapServers(bootstrapServers)
            .setTopics(topic)
            .setGroupId(groupId)
            .setProperties(properties)
            // committed offsets win (resume after an upgrade without state); else earliest/latest
            .setStartingOffsets(OffsetsInitializer.committedOffsets(reset))
            .setDeserializer(new UsageEventDeserializationSchema(maxRecordBytes, maxFutureMillis));
    if (boundedToLatest) b.setBounded(OffsetsInitializer.latest());
    return b.build();
  }
}
