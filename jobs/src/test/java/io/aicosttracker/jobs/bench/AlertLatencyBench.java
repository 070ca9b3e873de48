package io.aicosttracker.jobs.bench;

import io.aicosttracker.connectors.kafka.KafkaUsageSource;
import io.aicosttracker.core.format.AlertJson;
import io.aicosttracker.core.format.UsageJson;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.UsageEvent;
import io.aicosttracker.jobs.CostTrackerJob;
import io.aicosttracker.jobs.config.ConfigLoader;
import io.aicosttracker.jobs.config.CostTrackerConfig;
import io.aicosttracker.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Budget-alert latency of the streaming job (not a test): the full {@link CostTrackerJob} on a
 * MiniCluster reads a 4-partition topic on an embedded broker while a producer thread sends
 * events at a fixed rate with event time = the wall-clock time of the send; a consumer on
 * {@code cost-alerts} records when each {@code BUDGET_THRESHOLD} alert arrives. An alert carries
 * the event time of the event that crossed the threshold, which is that event's produce time, so
 * latency = alert consumed - crossing event produced (millisecond resolution, one clock).
 *
 * <p>Many crossings: 8 projects, one daily budget each with thresholds 1 %..50 %, sized so 50 %
 * is reached at the end of the run, so ~10 thresholds are crossed per second. Every event has a
 * provider-reported cost of $1/128 (exact in binary), so the producer computes exactly how many
 * thresholds the events of the measured window cross, and the bench checks none went missing.
 * Alerts of events produced during the warm-up are not counted.
 *
 * <p>Run with {@code bin/bench-alert-latency [RATE] [WARMUP_S] [MEASURE_S] [PARALLELISM]}.
 */
public final class AlertLatencyBench {
  private static final int PROJECTS = 8;
  private static final int MAX_PCT = 50;
  private static final double COST = 1.0 / 128;
  private static final String TOPIC = "bench-events";
  private static final String ALERTS = "cost-alerts";

  /** One threshold alert as consumed: the crossing event's produce time and the arrival time. */
  private record Arrival(String alertKey, long eventTime, long consumedAt) {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000;
    int warmupS = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int measureS = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int totalS = warmupS + measureS;
    // 50 % of each budget is spent at the end of the run: thresholds are crossed evenly throughout
    long amount = (long) Math.ceil(rate * COST / PROJECTS * totalS / (MAX_PCT / 100.0));
    Path work = Files.createTempDirectory("alert-latency-bench");
    int status = 0;
    try (EmbeddedKafka kafka = new EmbeddedKafka().start()) {
      kafka.createTopic(TOPIC, 4);
      kafka.createTopic("bench-dead", 1);
      kafka.createTopic(ALERTS, 1);
      Path budgets = writeBudgets(work.resolve("budgets.yaml"), amount);
      CostTrackerConfig cfg =
          ConfigLoader.load(
                  null,
                  Map.of(
                      "kafka.bootstrap-servers", kafka.bootstrapServers(),
                      "kafka.topic", TOPIC,
                      "kafka.dead-letter-topic", "bench-dead",
                      "kafka.alerts-topic", ALERTS,
                      "alerts.budgets-file", budgets.toString(),
                      "output.dir", work.resolve("out").toString(),
                      "checkpoints.dir", work.resolve("checkpoints").toString()))
              .validate(true);
      var source = KafkaUsageSource.builder().bootstrapServers(kafka.bootstrapServers()).topic(TOPIC).groupId("alert-bench").build();
      Configuration conf = CostTrackerJob.flinkConfiguration(cfg);
      conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(128));
      conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
      conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(500));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      env.setParallelism(parallelism);
      JobClient job =
          new CostTrackerJob(source, CostTrackerJob.defaultOutputs(cfg), cfg.pipeline.toOptions()).executeAsync(env, "alert-latency-bench");
      while (job.getJobStatus().get(10, TimeUnit.SECONDS) != JobStatus.RUNNING) Thread.sleep(100);

      ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      Thread consumer = new Thread(() -> consume(kafka, arrivals, stop), "alert-consumer");
      consumer.start();

      System.out.printf(Locale.ROOT, "producing %,d events/s for %d s (warm-up %d s), 8 daily budgets of $%,d, thresholds 1..%d %%, parallelism %d%n",
          rate, totalS, warmupS, amount, MAX_PCT, parallelism);
      long t0 = System.currentTimeMillis();
      long measureFrom = t0 + warmupS * 1000L;
      Produced produced = produce(kafka, rate, totalS, amount, measureFrom);
      Thread.sleep(5_000); // the last crossings' alerts
      stop.set(true);
      consumer.join();
      job.cancel().get(30, TimeUnit.SECONDS);
      status = report(produced, new ArrayList<>(arrivals), measureFrom);
    } finally {
      deleteQuietly(work);
    }
    System.exit(status);
  }

  private static Path writeBudgets(Path file, long amount) throws Exception {
    StringBuilder pct = new StringBuilder();
    for (int i = 1; i <= MAX_PCT; i++) pct.append(i == 1 ? "" : ", ").append(i);
    StringBuilder y = new StringBuilder("budgets:\n");
    for (int p = 0; p < PROJECTS; p++) {
      y.append("  - id: p").append(p).append("-daily\n")
          .append("    scope: {project: p").append(p).append("}\n")
          .append("    amount_usd: ").append(amount).append('\n')
          .append("    period: daily\n")
          .append("    thresholds: [").append(pct).append("]\n")
          .append("    forecast_alerts: false\n");
    }
    Files.writeString(file, y);
    return file;
  }

  /** What the producer sent: counts, how far the send loop fell behind, crossings to expect. */
  private record Produced(long events, double seconds, long maxBehindMs, int expectedCrossings) {}

  /**
   * Sends {@code rate} events/s, event time = now, round-robin over projects and partitions, and
   * counts the thresholds crossed by events sent in the measured window (per project running spend
   * is exact: k/128 dollars, the same in any summation order).
   */
  private static Produced produce(EmbeddedKafka kafka, int rate, int seconds, long amount, long measureFrom) {
    long total = (long) rate * seconds;
    double[] spend = new double[PROJECTS];
    int[] fired = new int[PROJECTS];
    int expected = 0;
    long maxBehind = 0;
    long start = System.nanoTime();
    UsageEvent e = new UsageEvent();
    e.provider = "openai";
    e.model = "gpt-4o-mini";
    e.team = "bench";
    e.user = "u1";
    e.apiKeyId = "k1";
    e.environment = "prod";
    e.inputTokens = 1200;
    e.outputTokens = 300;
    e.reportedCostUsd = COST;
    e.source = UsageEvent.SOURCE_API;
    try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
      long sent = 0;
      while (sent < total) {
        long now = System.nanoTime();
        long due = Math.min(total, (now - start) * rate / 1_000_000_000L);
        if (sent >= due) {
          LockSupport.parkNanos(200_000);
          continue;
        }
        if (System.currentTimeMillis() >= measureFrom) maxBehind = Math.max(maxBehind, (due - sent) * 1000 / rate);
        for (; sent < due; sent++) {
          int project = (int) (sent % PROJECTS);
          e.eventId = "ev-" + sent;
          e.project = "p" + project;
          e.timestamp = System.currentTimeMillis();
          p.send(new ProducerRecord<>(TOPIC, (int) (sent % 4), null, UsageJson.toInputJson(e).getBytes(StandardCharsets.UTF_8)));
          spend[project] += COST;
          while (fired[project] < MAX_PCT && spend[project] >= (fired[project] + 1) / 100.0 * amount) {
            fired[project]++;
            if (e.timestamp >= measureFrom) expected++;
          }
        }
      }
      p.flush();
      return new Produced(sent, (System.nanoTime() - start) / 1e9, maxBehind, expected);
    }
  }

  private static void consume(EmbeddedKafka kafka, ConcurrentLinkedQueue<Arrival> arrivals, AtomicBoolean stop) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(ALERTS, 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      while (!stop.get()) {
        var records = c.poll(Duration.ofMillis(100));
        long at = System.currentTimeMillis();
        for (ConsumerRecord<byte[], byte[]> r : records) {
          AlertEvent a = AlertJson.readAlert(new String(r.value(), StandardCharsets.UTF_8));
          if (AlertEvent.BUDGET_THRESHOLD.equals(a.kind) && "ALERT".equals(a.state)) {
            arrivals.add(new Arrival(a.alertId + "/" + a.budgetId, a.eventTime, at));
          }
        }
      }
    }
  }

  private static int report(Produced produced, List<Arrival> all, long measureFrom) {
    System.out.printf(Locale.ROOT, "produced %,d events in %.1f s (%,.0f events/s), send loop at most %d ms behind schedule after the warm-up%n",
        produced.events, produced.seconds, produced.events / produced.seconds, produced.maxBehindMs);
    Set<String> seen = new HashSet<>();
    List<Long> latencies = new ArrayList<>();
    int duplicates = 0;
    for (Arrival a : all) {
      if (!seen.add(a.alertKey)) {
        duplicates++;
        continue;
      }
      if (a.eventTime >= measureFrom) latencies.add(a.consumedAt - a.eventTime);
    }
    latencies.sort(null);
    System.out.printf(Locale.ROOT, "BUDGET_THRESHOLD alerts: %d in the measured window (expected %d), %d during warm-up, %d duplicates%n",
        latencies.size(), produced.expectedCrossings, seen.size() - latencies.size(), duplicates);
    if (latencies.isEmpty()) {
      System.out.println("no alerts in the measured window");
      return 1;
    }
    System.out.printf(Locale.ROOT, "latency, crossing event produced -> alert consumed from %s (ms): p50 %d  p90 %d  p99 %d  max %d  min %d%n",
        ALERTS, pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies.get(latencies.size() - 1), latencies.get(0));
    return latencies.size() == produced.expectedCrossings ? 0 : 1;
  }

  /** Nearest-rank percentile of a sorted list. */
  private static long pct(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static void deleteQuietly(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception ignored) {
      // temp files; the OS cleans up
    }
  }
}
