package io.aicosttracker.jobs.export;

import io.aicosttracker.connectors.kafka.KafkaUsageSource;
import io.aicosttracker.connectors.records.ParsedRecord;
import io.aicosttracker.core.format.AlertJson;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.jobs.pipeline.UsagePipeline;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Kafka as the input of an export: the records of a topic from its earliest offsets to the latest
 * offsets at job start (bounded sources), so the BATCH job ends like an export from files.
 *
 * <p>Usage events come from {@code topic} through the streaming job's own source and
 * deserialization ({@link KafkaUsageSource}: parse in the source, dead letters for bad records)
 * and then the same pipeline as file input; alerts come from {@code alertsTopic}, where the
 * streaming job publishes them (the {@code AlertJson} of the {@code alerts/} files). Each export
 * reads with a fresh consumer group, so it neither uses nor moves the streaming job's offsets
 * (a BATCH job takes no checkpoints and so commits none).
 */
public record KafkaExportInput(String bootstrapServers, String topic, String alertsTopic, Map<String, String> properties) {
  public static final String DEFAULT_TOPIC = "usage-events";
  public static final String DEFAULT_ALERTS_TOPIC = "cost-alerts";
  private static final long ADMIN_TIMEOUT_SECONDS = 15;

  public KafkaExportInput {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    if (bootstrapServers.isBlank()) throw new IllegalArgumentException("--kafka needs bootstrap servers (HOST:PORT[,HOST:PORT])");
    if (topic == null || topic.isBlank()) throw new IllegalArgumentException("--topic is empty");
    if (alertsTopic == null || alertsTopic.isBlank()) throw new IllegalArgumentException("--alerts-topic is empty");
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  /** The topic an export of {@code dataset} reads, or a one-line reason why none carries it. */
  public String topicOf(ExportDataset dataset) {
    return switch (dataset) {
      case PRICED_EVENTS, USAGE_HOURLY, USAGE_DAILY -> topic;
      case ALERTS -> alertsTopic;
      case FORECASTS -> throw new IllegalArgumentException(
          "forecasts are not published to Kafka; export them with --input from the --out directory of a run with forecasts");
    };
  }

  /**
   * Checks that the dataset's topic exists and returns how many records it holds now (the sum over
   * partitions of latest minus earliest offset): the progress estimate. One-line errors for an
   * unreachable broker or a missing topic.
   */
  long recordsToRead(ExportDataset dataset) {
    String t = topicOf(dataset);
    Properties p = new Properties();
    p.putAll(properties);
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    Admin admin;
    try {
      admin = Admin.create(p);
    } catch (KafkaException e) {
      throw new IllegalArgumentException("cannot connect to Kafka at " + bootstrapServers + ": " + innermost(e).getMessage());
    }
    try {
      TopicDescription d =
          admin.describeTopics(List.of(t)).allTopicNames().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(t);
      List<TopicPartition> parts = d.partitions().stream().map(i -> new TopicPartition(t, i.partition())).toList();
      return offsets(admin, parts, OffsetSpec.latest()) - offsets(admin, parts, OffsetSpec.earliest());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new IllegalArgumentException("Kafka topic '" + t + "' not found at " + bootstrapServers);
      }
      throw new IllegalArgumentException("cannot read Kafka topic '" + t + "' at " + bootstrapServers + ": " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new IllegalArgumentException("Kafka not reachable at " + bootstrapServers + " (no answer in " + ADMIN_TIMEOUT_SECONDS + " s)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking Kafka topic '" + t + "'");
    } finally {
      admin.close(Duration.ofSeconds(1)); // do not wait out the pending calls of an unreachable broker
    }
  }

  private static Throwable innermost(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t;
  }

  private static long offsets(Admin admin, Collection<TopicPartition> parts, OffsetSpec spec)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetSpec> request = parts.stream().collect(Collectors.toMap(tp -> tp, tp -> spec));
    return admin.listOffsets(request).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
        .mapToLong(ListOffsetsResultInfo::offset)
        .sum();
  }

  /** Parsed usage records of {@link #topic()} up to the latest offsets at start, with event-time watermarks. */
  DataStream<ParsedRecord> events(StreamExecutionEnvironment env, PipelineOptions options) {
    KafkaSource<ParsedRecord> source =
        KafkaUsageSource.builder()
            .bootstrapServers(bootstrapServers)
            .topic(topic)
            .groupId(exportGroupId())
            .startingOffsets(KafkaUsageSource.StartingOffsets.EARLIEST)
            .boundedToLatest(true)
            .maxRecordBytes(options.maxRecordBytes)
            .maxFutureMillis(options.maxFutureSkew.toMillis())
            .properties(properties)
            .build();
    return env.fromSource(source, UsagePipeline.watermarks(options), "Kafka " + topic).uid("export-kafka-events");
  }

  /** The alert events of {@link #alertsTopic()} up to the latest offsets at start; a bad record fails the export. */
  DataStream<AlertEvent> alerts(StreamExecutionEnvironment env) {
    KafkaSource<String> source =
        KafkaSource.<String>builder()
            .setBootstrapServers(bootstrapServers)
            .setTopics(alertsTopic)
            .setGroupId(exportGroupId())
            .setProperties(toProperties(properties))
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setBounded(OffsetsInitializer.latest())
            .setValueOnlyDeserializer(new SimpleStringSchema())
            .build();
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka " + alertsTopic)
        .uid("export-kafka-alerts")
        .flatMap(new RecordFileSource.ParseLines<>(ExportDataset.ALERTS.id(), AlertJson::readAlert), org.apache.flink.api.common.typeinfo.TypeInformation.of(AlertEvent.class))
        .uid("export-parse-alerts")
        .name("Parse alerts");
  }

  /** A group of its own: the export must start at the earliest offsets, whatever another job committed. */
  private static String exportGroupId() {
    return "cost-tracker-export-" + UUID.randomUUID();
  }

  private static Properties toProperties(Map<String, String> map) {
    Properties p = new Properties();
    p.putAll(map);
    return p;
  }
}
