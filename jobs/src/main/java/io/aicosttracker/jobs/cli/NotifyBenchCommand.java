package io.aicosttracker.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.aicosttracker.connectors.notify.config.NotificationConfig;
import io.aicosttracker.connectors.notify.config.NotificationConfigLoader;
import io.aicosttracker.connectors.notify.flink.NotificationStage;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.jobs.pipeline.LocalEnvironments;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cost-tracker bench notify}: alerts at a fixed rate through the notification stage on a
 * MiniCluster to a signed-webhook receiver on 127.0.0.1; prints emission-to-receipt latency
 * percentiles, and the eventual delivery rate when the receiver answers a share of requests 500.
 */
@Command(name = "notify", mixinStandardHelpOptions = true,
    description = "Benchmark notification delivery latency and eventual delivery under injected 500s (local webhook receiver).")
public final class NotifyBenchCommand implements Callable<Integer> {
  @Option(names = "--rate", defaultValue = "100", description = "Alerts per second (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--seconds", defaultValue = "30", description = "Seconds per run (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--failure-rate", defaultValue = "0.10", description = "Share of requests answered 500 in the second run (default ${DEFAULT-VALUE}).")
  double failureRate;

  @Option(names = "--warmup-seconds", defaultValue = "3",
      description = "Leave the first seconds' alerts (cluster start-up, JIT) out of the latency percentiles (default ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(names = "--work-dir", defaultValue = "notify-bench", description = "Scratch directory (default ${DEFAULT-VALUE}).")
  Path workDir;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(workDir);
    System.out.printf("notify-bench: %d alerts/s for %d s per run, webhook receiver on 127.0.0.1%n", rate, seconds);
    run("no faults", 0.0);
    run(String.format("%.0f%% injected 500s", failureRate * 100), failureRate);
    return 0;
  }

  private void run(String label, double failures) throws Exception {
    Receiver receiver = new Receiver(failures);
    try {
      NotificationConfig cfg = config(receiver.port(), label.replaceAll("[^a-z0-9]", ""));
      long count = (long) rate * seconds;
      String runId = Long.toString(System.currentTimeMillis(), 36);
      StreamExecutionEnvironment env = LocalEnvironments.create(RuntimeExecutionMode.STREAMING, 2);
      env.enableCheckpointing(10_000);
      DataGeneratorSource<AlertEvent> source = new DataGeneratorSource<>(
          (GeneratorFunction<Long, AlertEvent>) i -> alert(runId, i), count, RateLimiterStrategy.perSecond(rate),
          TypeInformation.of(AlertEvent.class));
      NotificationStage.attach(
          env.fromSource(source, WatermarkStrategy.noWatermarks(), "bench alerts").uid("bench-alerts").setParallelism(1),
          cfg, workDir.resolve("out-" + runId));
      long t0 = System.nanoTime();
      env.execute("notify-bench " + label);
      double wallS = (System.nanoTime() - t0) / 1e9;
      long warm = (long) rate * warmupSeconds;
      List<Long> lat = steady(receiver.firstSuccessLatency, warm);
      List<Long> all = steady(receiver.firstSuccessLatency, 0);
      System.out.printf("%n[%s] %,d alerts emitted in %.1f s (job wall time incl. start-up)%n", label, count, wallS);
      System.out.printf("  requests received %,d (%,d answered 500)%n", receiver.requests.get(), receiver.failed.get());
      System.out.printf("  delivered (2xx) %,d distinct alerts = %.3f%%%n", all.size(), 100.0 * all.size() / count);
      if (!lat.isEmpty()) {
        System.out.printf("  latency emission -> successful request received (after %d s warm-up): p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
            warmupSeconds, pct(lat, 50), pct(lat, 90), pct(lat, 99), lat.get(lat.size() - 1));
        System.out.printf("  same, all alerts including warm-up: p50 %d ms, p99 %d ms, max %d ms%n", pct(all, 50), pct(all, 99), all.get(all.size() - 1));
      }
      List<Long> first = steady(receiver.firstRequestLatency, warm);
      if (!first.isEmpty()) {
        System.out.printf("  latency emission -> first request received (after warm-up): p50 %d ms, p99 %d ms%n", pct(first, 50), pct(first, 99));
      }
    } finally {
      receiver.close();
    }
  }

  /** Latencies of alerts with index >= {@code fromIndex} (ids end in {@code -<index>}), sorted. */
  private static List<Long> steady(Map<String, Long> byAlert, long fromIndex) {
    List<Long> out = new ArrayList<>();
    byAlert.forEach((id, ms) -> {
      if (Long.parseLong(id.substring(id.lastIndexOf('-') + 1)) >= fromIndex) out.add(ms);
    });
    Collections.sort(out);
    return out;
  }

  private static long pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  static AlertEvent alert(String runId, long i) {
    AlertEvent a = new AlertEvent();
    a.alertId = "bench-" + runId + "-" + i;
    a.kind = AlertEvent.COST_ANOMALY;
    a.severity = AlertEvent.SEVERITY_WARNING;
    a.scope = "project=bench";
    a.project = "bench";
    a.observedValue = 120.0;
    a.expectedValue = 40.0;
    a.score = 4.2;
    a.dollarImpact = 80.0;
    // emission time: the receiver measures latency from here
    a.eventTime = System.currentTimeMillis();
    return a;
  }

  private NotificationConfig config(int port, String tag) throws IOException {
    Path dir = Files.createDirectories(workDir.resolve("config-" + tag));
    Path url = Files.writeString(dir.resolve("hook.url"), "http://127.0.0.1:" + port + "/hook");
    Path secret = Files.writeString(dir.resolve("hook.secret"), "bench-secret");
    Path yaml = Files.writeString(dir.resolve("notifications.yaml"), ""
        + "notifications:\n"
        + "  max_in_flight: 2000\n"
        + "  channels:\n"
        + "    bench-hook:\n"
        + "      type: webhook\n"
        + "      url: {file: " + url + "}\n"
        + "      secret: {file: " + secret + "}\n"
        + "      allow_insecure_http: true\n"
        + "      concurrency: 8\n"
        + "      rate_limit: {per_second: " + Math.max(1, rate * 3) + ", burst: " + Math.max(5, rate) + "}\n"
        + "      retry: {max_attempts: 6, initial_backoff_ms: 100, max_backoff_ms: 2000, multiplier: 2, jitter: 0.2}\n"
        + "      timeout_ms: 2000\n"
        + "  routes:\n"
        + "    - match: {}\n"
        + "      channels: [bench-hook]\n");
    return NotificationConfigLoader.load(yaml);
  }

  /** Webhook receiver: records latency per alert, answers a share of requests 500. */
  private static final class Receiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final Map<String, Long> firstSuccessLatency = new ConcurrentHashMap<>();
    final Map<String, Long> firstRequestLatency = new ConcurrentHashMap<>();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    private final HttpServer server;

    Receiver(double failures) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
      server.setExecutor(Executors.newFixedThreadPool(8));
      server.createContext("/hook", ex -> {
        long now = System.currentTimeMillis();
        byte[] body = ex.getRequestBody().readAllBytes();
        requests.incrementAndGet();
        var node = JSON.readTree(body);
        String id = node.get("alert_id").asText();
        long latency = now - node.get("event_time").asLong();
        firstRequestLatency.putIfAbsent(id, latency);
        int status = ThreadLocalRandom.current().nextDouble() < failures ? 500 : 200;
        if (status == 500) failed.incrementAndGet();
        else firstSuccessLatency.putIfAbsent(id, latency);
        ex.sendResponseHeaders(status, -1);
        ex.close();
      });
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }
}
