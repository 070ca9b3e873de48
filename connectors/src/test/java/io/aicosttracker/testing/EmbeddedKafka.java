package io.aicosttracker.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node Apache Kafka broker (KRaft, broker + controller) running in this JVM on
 * 127.0.0.1, for tests and benchmarks; no Docker.
 *
 * <p>Use as a JUnit 5 extension shared by a test class:
 *
 * <pre>{@code
 * @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
 * ...
 * KAFKA.createTopic("usage-events", 4);
 * try (KafkaProducer<byte[], byte[]> p = KAFKA.producer()) { ... }
 * }</pre>
 *
 * or call {@link #start()} and {@link #close()} directly.
 */
public final class EmbeddedKafka implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private Path logDir;
  private KafkaRaftServer server;
  private int port;
  private Admin admin;

  /** Formats a fresh log directory and starts the broker; returns when it accepts clients. */
  public EmbeddedKafka start() throws IOException {
    logDir = Files.createTempDirectory("embedded-kafka");
    port = freePort();
    int controllerPort = freePort();
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "2");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "2");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.partitions", "1");
    props.put("auto.create.topics.enable", "true");
    Path config = logDir.resolveSibling(logDir.getFileName() + ".properties");
    try (Writer w = Files.newBufferedWriter(config)) {
      props.store(w, "embedded kafka");
    }
    ByteArrayOutputStream toolOut = new ByteArrayOutputStream();
    int rc =
        StorageTool.execute(
            new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
            new PrintStream(toolOut, true, StandardCharsets.UTF_8));
    Files.deleteIfExists(config);
    if (rc != 0) throw new IllegalStateException("kafka storage format failed: " + toolOut.toString(StandardCharsets.UTF_8));
    server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    try {
      admin.describeCluster().nodes().get();
    } catch (Exception e) {
      throw new IllegalStateException("embedded kafka did not come up", e);
    }
    return this;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public Admin admin() {
    return admin;
  }

  /** Creates a topic with replication factor 1 and waits until it exists. */
  public void createTopic(String name, int partitions) {
    try {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topic " + name, e);
    }
  }

  /** A byte-array producer tuned for throughput (batched, acks=all). */
  public KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L * 1024 * 1024));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Sum of the end offsets of a topic's partitions (records ever written, for a fresh topic). */
  public long endOffsetSum(String topic) {
    return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
  }

  /** End offset of each partition of {@code topic}. */
  public Map<TopicPartition, Long> endOffsets(String topic) {
    try {
      int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
      for (int i = 0; i < partitions; i++) request.put(new TopicPartition(topic, i), OffsetSpec.latest());
      return admin.listOffsets(request).all().get().entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read end offsets of " + topic, e);
    }
  }

  /** Offsets a consumer group has committed, per partition (empty when none). */
  public Map<TopicPartition, Long> committedOffsets(String groupId) {
    try {
      Map<TopicPartition, OffsetAndMetadata> m = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
      return m.entrySet().stream().filter(e -> e.getValue() != null)
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read offsets of group " + groupId, e);
    }
  }

  /** Reads every record currently in {@code topic} (from the beginning to the end offsets). */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, Duration timeout) {
    Map<TopicPartition, Long> end = endOffsets(topic);
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.assign(end.keySet());
      c.seekToBeginning(end.keySet());
      long deadline = System.nanoTime() + timeout.toNanos();
      while (end.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())) {
        if (System.nanoTime() > deadline) throw new IllegalStateException("timed out reading " + topic);
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /** Stops the broker and deletes its log directory. */
  @Override
  public void close() {
    if (admin != null) admin.close(Duration.ofSeconds(5));
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
    if (logDir != null) {
      try (Stream<Path> s = Files.walk(logDir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
