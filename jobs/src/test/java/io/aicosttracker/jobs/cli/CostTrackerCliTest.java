package io.aicosttracker.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line errors: one line on stderr, a non-zero exit, no stack trace, no cluster started. */
class CostTrackerCliTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = CostTrackerCli.execute(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void streamingRunsHonourTheSameFlagsAsBatchRuns() {
    RunCommand cmd = new RunCommand();
    new picocli.CommandLine(cmd)
        .parseArgs(
            "--kafka", "127.0.0.1:9092", "--topic", "t", "--group-id", "g", "--out", "o", "--budgets", "b.yaml",
            "--notifications", "n.yaml", "--jdbc-url", "jdbc:postgresql://db/x", "--jdbc-user", "u",
            "--jdbc-password-env", "PW", "--anomaly-min-usd", "5", "--no-anomalies", "--set", "checkpoints.interval=30s");
    assertThat(cmd.streamingOverrides())
        .containsEntry("kafka.bootstrap-servers", "127.0.0.1:9092")
        .containsEntry("kafka.topic", "t")
        .containsEntry("kafka.group-id", "g")
        .containsEntry("output.dir", "o")
        .containsEntry("alerts.budgets-file", "b.yaml")
        .containsEntry("alerts.notifications-file", "n.yaml")
        .containsEntry("jdbc.url", "jdbc:postgresql://db/x")
        .containsEntry("jdbc.user", "u")
        .containsEntry("jdbc.password-env", "PW")
        .containsEntry("alerts.anomaly-min-usd", "5.0")
        .containsEntry("alerts.anomalies", "false")
        .containsEntry("checkpoints.interval", "30s")
        .doesNotContainKey("alerts.anomaly-z");
  }

  @Test
  void streamingOnlyFlagsAreRefusedForFileRuns() throws Exception {
    Path in = Files.writeString(dir.resolve("e.jsonl"), "{}\n");
    Result r = run("run", "--input", in.toString(), "--out", dir.resolve("o").toString(), "--group-id", "g");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("error: --topic, --group-id, --until-idle and --set apply to streaming runs (--kafka) only");
  }

  @Test
  void missingInput() {
    Result r = run("run", "--input", dir.resolve("nope.jsonl").toString(), "--out", dir.resolve("o").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("error: input not found: " + dir.resolve("nope.jsonl"));
  }

  @Test
  void unreadableCatalog() throws Exception {
    Path in = Files.writeString(dir.resolve("e.jsonl"), "{}\n");
    Path prices = Files.writeString(dir.resolve("prices.json"), "{not a catalog");
    Result r = run("run", "--input", in.toString(), "--out", dir.resolve("o").toString(), "--prices", prices.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains("prices.json");
  }

  @Test
  void outputDirectoryThatCannotBeCreated() throws Exception {
    Path in = Files.writeString(dir.resolve("e.jsonl"), "{}\n");
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Result r = run("run", "--input", in.toString(), "--out", file.resolve("sub").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: cannot create output directory").doesNotContain("Exception");
  }

  @Test
  void unsupportedInputTypeAndBadFlags() throws Exception {
    Path txt = Files.writeString(dir.resolve("e.txt"), "x");
    assertThat(run("run", "--input", txt.toString(), "--out", dir.toString()).err()).contains("unsupported input file type");
    Result r = run("run", "--input", txt.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("error: --out DIR is required");
  }

  @Test
  void generateIsDeterministicAndWritesLabels() throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    assertThat(run("generate", "--events", "500", "--days", "20", "--seed", "5", "--spikes", "2", "--out", a.toString()).code()).isZero();
    assertThat(run("generate", "--events", "500", "--days", "20", "--seed", "5", "--spikes", "2", "--out", b.toString()).code()).isZero();
    assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
    assertThat(Files.readAllLines(dir.resolve("a.jsonl.spikes.csv"))).hasSize(3).first().isEqualTo("project,provider,model,hour_start,extra_cost_usd,events");
    Path csv = dir.resolve("c.csv");
    assertThat(run("generate", "--events", "10", "--days", "2", "--out", csv.toString()).code()).isZero();
    assertThat(Files.readAllLines(csv).get(0)).startsWith("event_id,timestamp,provider,model,project");
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd : new String[] {"generate", "run", "demo"}) {
      Result r = run(cmd, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage: cost-tracker " + cmd);
    }
  }
}
