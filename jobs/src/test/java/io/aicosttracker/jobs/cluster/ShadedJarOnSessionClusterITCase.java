package io.aicosttracker.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.core.generate.SyntheticUsageGenerator;
import io.aicosttracker.jobs.sinks.FileOutputs;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submits the shaded job jar ({@code jobs/target/ai-cost-tracker.jar}, built by {@code package}
 * before failsafe runs) to a real two-JVM Flink session cluster through the REST API, as
 * {@code flink run} and the docker-compose submitter do, and checks the files the job wrote.
 *
 * <p>The cluster's classpath is only Flink's runtime (the jar's {@code provided} dependencies
 * from {@code target/flink-runtime.classpath}, plus flink-runtime-web for the jar handlers), so
 * this proves that the jar carries everything else it needs and runs under Flink's child-first
 * user-code class loader.
 */
class ShadedJarOnSessionClusterITCase {
  private static final Path JAR = Path.of("target", "ai-cost-tracker.jar");
  private static final Path RUNTIME_CLASSPATH = Path.of("target", "flink-runtime.classpath");
  private static final String ENTRY_CLASS = "io.aicosttracker.jobs.cli.CostTrackerCli";
  private static final int EVENTS = 20_000;
  private static final List<String> BAD_LINES = List.of("not json", "{\"event_id\":\"cut-off\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  // kept when a test fails: the cluster logs are in cluster/log/
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path dir;
  static FlinkSessionCluster cluster;
  static Path input;
  static Path out;
  static String jarId;
  static String jobId;
  static String finalState;

  @BeforeAll
  static void submitBatchJob() throws Exception {
    assertThat(JAR).as("shaded jar (run through `mvn verify`, which packages before integration tests)").isRegularFile();
    input = dir.resolve("events.jsonl");
    StringWriter events = new StringWriter();
    new SyntheticUsageGenerator(7, Instant.parse("2026-10-01T00:00:00Z").toEpochMilli(), 10, 0.5, null).writeTo(events, false, EVENTS, 0);
    Files.writeString(input, events + String.join("\n", BAD_LINES) + "\n");
    out = dir.resolve("out");

    cluster = FlinkSessionCluster.start(dir.resolve("cluster"), clusterClasspath(), 2, Duration.ofSeconds(60));
    jarId = cluster.upload(JAR);
    jobId = cluster.run(jarId, ENTRY_CLASS, List.of("run", "--input", input.toString(), "--out", out.toString(), "--parallelism", "2"));
    finalState = cluster.awaitTerminalState(jobId, Duration.ofSeconds(90));
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) cluster.close();
  }

  @Test
  void jobFinishesOnTheClusterAndLeavesItRunning() throws Exception {
    assertThat(finalState).as(finalState.equals("FAILED") ? cluster.failureCause(jobId) : "job state").isEqualTo("FINISHED");
    JsonNode job = cluster.job(jobId);
    assertThat(job.path("name").asText()).isEqualTo("cost-tracker run");
    // every operator ran in the TaskManager JVM, none in a MiniCluster inside the JobManager
    assertThat(job.path("vertices")).isNotEmpty();
    assertThat(cluster.isAlive()).as("JobManager and TaskManager still up after the program's main() returned").isTrue();
  }

  @Test
  void badArgumentsFailTheSubmissionWithTheOneLineErrorAndKeepTheJobManagerUp() {
    assertThatThrownBy(() -> cluster.run(jarId, ENTRY_CLASS, List.of("run", "--input", dir.resolve("missing.jsonl").toString(), "--out", dir.resolve("x").toString())))
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("error: input not found: " + dir.resolve("missing.jsonl"));
    assertThat(cluster.isAlive()).as("the CLI must not System.exit inside the JobManager").isTrue();
  }

  @Test
  void dailyAggregatesAddUpToTheInput() throws Exception {
    long[] expected = new long[2]; // requests, input tokens
    for (String line : Files.readAllLines(input)) {
      if (BAD_LINES.contains(line)) continue;
      JsonNode e = JSON.readTree(line);
      expected[0] += e.path("requests").asLong(1);
      expected[1] += e.path("input_tokens").asLong();
    }
    long[] actual = new long[2];
    double cost = 0;
    for (String row : csvRows(FileOutputs.DAILY)) {
      String[] c = row.split(",");
      actual[0] += Long.parseLong(c[5]);
      actual[1] += Long.parseLong(c[6]);
      cost += Double.parseDouble(c[11]);
    }
    assertThat(actual).containsExactly(expected);
    assertThat(cost).isPositive();
  }

  @Test
  void badLinesBecomeDeadLetters() throws Exception {
    List<String> dead = lines(FileOutputs.DEAD_LETTERS);
    assertThat(dead).hasSize(BAD_LINES.size());
    assertThat(dead).allSatisfy(d -> assertThat(JSON.readTree(d).path("error").asText()).isNotBlank());
  }

  @Test
  void everyAcceptedEventIsPriced() throws Exception {
    assertThat(lines(FileOutputs.PRICED)).hasSize(EVENTS);
  }

  /**
   * What a Flink distribution has on its classpath: the jar's provided dependencies (from
   * {@code target/flink-runtime.classpath}), flink-runtime-web for the jar handlers, and their
   * runtime dependencies; never our own modules.
   */
  private static List<Path> clusterClasspath() throws IOException {
    assertThat(RUNTIME_CLASSPATH).as("written by the jobs module's package phase").isRegularFile();
    List<Path> roots = new ArrayList<>();
    for (String entry : Files.readString(RUNTIME_CLASSPATH).trim().split(java.io.File.pathSeparator)) roots.add(Path.of(entry));
    List<Path> available = FlinkDistClasspath.testClasspath();
    available.stream().filter(p -> FlinkDistClasspath.artifactId(p).equals("flink-runtime-web")).forEach(roots::add);
    List<Path> cp = FlinkDistClasspath.closure(roots, available);
    assertThat(cp).extracting(FlinkDistClasspath::artifactId).contains("flink-runtime-web", "commons-math3").noneMatch(a -> a.startsWith("ai-cost-tracker"));
    assertThat(cp).noneMatch(p -> Files.isDirectory(p));
    return cp;
  }

  private static List<String> csvRows(String sub) throws IOException {
    return lines(sub).stream().filter(l -> !l.startsWith("window_start,")).toList();
  }

  private static List<String> lines(String sub) throws IOException {
    List<String> all = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out.resolve(sub))) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(all::add);
      }
    }
    return all;
  }
}
