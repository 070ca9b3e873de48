package io.aicosttracker.jobs.bench;

import io.aicosttracker.connectors.kafka.KafkaUsageSource;
import io.aicosttracker.core.format.UsageJson;
import io.aicosttracker.core.generate.SyntheticUsageGenerator;
import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.jobs.CostTrackerJob;
import io.aicosttracker.jobs.config.ConfigLoader;
import io.aicosttracker.jobs.config.CostTrackerConfig;
import io.aicosttracker.jobs.functions.PipelineCounters;
import io.aicosttracker.jobs.pipeline.OutputAttachment;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Throughput of the streaming job (not a test): pre-produces N events to a 4-partition topic on
 * an embedded broker, then runs the full {@link CostTrackerJob} (source parsing, dedupe, pricing,
 * hourly/daily windows, file and Kafka dead-letter sinks, checkpoints every 10 s) on a MiniCluster
 * over that backlog and reports events/s from the job's own read counter, so JVM and job start-up
 * are excluded.
 *
 * <p>Run with {@code bin/bench-kafka [EVENTS] [PARALLELISM] [KEY=VALUE...]} (configuration keys).
 */
public final class KafkaThroughputBench {
  private record Sample(long nanos, long read) {}

  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 2_000_000L;
    int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path work = Files.createTempDirectory("kafka-bench");
    try (EmbeddedKafka kafka = new EmbeddedKafka().start()) {
      kafka.createTopic("bench-events", 4);
      kafka.createTopic("bench-dead", 1);
      produce(kafka, events);

      Map<String, String> settings = new java.util.LinkedHashMap<>();
      settings.put("kafka.bootstrap-servers", kafka.bootstrapServers());
      settings.put("kafka.topic", "bench-events");
      settings.put("kafka.dead-letter-topic", "bench-dead");
      settings.put("output.dir", work.resolve("out").toString());
      settings.put("checkpoints.dir", work.resolve("checkpoints").toString());
      // further arguments are KEY=VALUE settings, e.g. forecast.enabled=false
      Map<String, String> extra = ConfigLoader.parseOverrides(List.of(args).subList(Math.min(2, args.length), args.length));
      settings.putAll(extra);
      CostTrackerConfig cfg = ConfigLoader.load(null, settings).validate(true);
      System.out.println("settings beyond the defaults: " + extra);
      PipelineOptions options = cfg.pipeline.toOptions();
      var source =
          KafkaUsageSource.builder()
              .bootstrapServers(kafka.bootstrapServers())
              .topic("bench-events")
              .groupId("bench")
              .boundedToLatest(true)
              .build();
      List<OutputAttachment> outputs = CostTrackerJob.defaultOutputs(cfg);
      Configuration conf = CostTrackerJob.flinkConfiguration(cfg);
      conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(128));
      conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
      conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(500));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      env.setParallelism(parallelism);
      JobClient job = new CostTrackerJob(source, outputs, options).executeAsync(env, "kafka-bench");

      List<Sample> samples = new ArrayList<>();
      var resultFuture = job.getJobExecutionResult();
      // a local MiniCluster shuts down with its job: poll the result future, not the cluster
      while (!resultFuture.isDone()) {
        Thread.sleep(200);
        try {
          if (job.getJobStatus().get() != JobStatus.RUNNING) continue;
          Object v = job.getAccumulators().get(5, TimeUnit.SECONDS).get(PipelineCounters.READ);
          if (v != null) samples.add(new Sample(System.nanoTime(), ((Number) v).longValue()));
        } catch (Exception finishing) {
          // the job finished between the status check and this call
        }
      }
      long end = System.nanoTime();
      var result = resultFuture.get();
      long read = ((Number) result.getAllAccumulatorResults().get(PipelineCounters.READ)).longValue();
      report(events, read, samples, end);
    } finally {
      deleteQuietly(work);
    }
  }

  private static void produce(EmbeddedKafka kafka, long events) throws Exception {
    long day = 86_400_000L;
    long start = Math.floorDiv(System.currentTimeMillis(), day) * day - 40 * day;
    long t0 = System.nanoTime();
    long[] sent = {0};
    try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
      new SyntheticUsageGenerator(1, start, 30, 0.3, PriceCatalog.builtIn())
          .generate(events, 0, e -> p.send(new ProducerRecord<>("bench-events", (int) (sent[0]++ % 4), null,
              UsageJson.toInputJson(e).getBytes(StandardCharsets.UTF_8))));
      p.flush();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "produced %,d events to 4 partitions in %.1f s%n", kafka.endOffsetSum("bench-events"), secs);
  }

  private static void report(long events, long read, List<Sample> samples, long end) {
    System.out.printf(Locale.ROOT, "job read %,d records (%s)%n", read, read == events ? "all" : "MISSING " + (events - read));
    Sample first = samples.stream().filter(s -> s.read > 0).findFirst().orElse(null);
    if (first == null) {
      System.out.println("too fast to sample: the job finished before the first accumulator report");
      return;
    }
    Sample lo = samples.stream().filter(s -> s.read >= events / 10).findFirst().orElse(first);
    Sample hi = samples.stream().filter(s -> s.read >= events * 9 / 10).findFirst().orElse(samples.get(samples.size() - 1));
    double steady = hi.nanos > lo.nanos ? (hi.read - lo.read) / ((hi.nanos - lo.nanos) / 1e9) : Double.NaN;
    double overall = (read - first.read) / ((end - first.nanos) / 1e9);
    System.out.printf(Locale.ROOT, "sustained (10%%..90%% of the backlog): %,.0f events/s%n", steady);
    System.out.printf(Locale.ROOT, "first record to job end (incl. final windows, commits): %,.0f events/s over %.1f s%n",
        overall, (end - first.nanos) / 1e9);
  }

  private static void deleteQuietly(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception ignored) {
      // temp files; the OS cleans up
    }
  }
}
