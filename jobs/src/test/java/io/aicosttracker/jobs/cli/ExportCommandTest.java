package io.aicosttracker.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad export arguments end with one line on stderr and a non-zero exit, before any job starts. */
class ExportCommandTest {
  @TempDir Path tmp;

  private record Result(int code, String err) {}

  private Result run(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int code = CostTrackerCli.execute(args);
      return new Result(code, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(old);
    }
  }

  private Path input() throws Exception {
    Path in = tmp.resolve("events.jsonl");
    Files.writeString(in, "{}\n");
    return in;
  }

  @Test
  void unknownDataset() throws Exception {
    Result r = run("export", "--input", input().toString(), "--dataset", "invoices", "--to", tmp.resolve("o").toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err.strip()).startsWith("error: unknown dataset 'invoices'").doesNotContain("\n");
  }

  @Test
  void fromAfterUntil() throws Exception {
    Result r = run("export", "--input", input().toString(), "--dataset", "priced-events", "--to", tmp.resolve("o").toString(),
        "--from", "2026-09-03", "--until", "2026-09-01");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err.strip()).isEqualTo("error: --from 2026-09-03T00:00:00Z must be before --until 2026-09-01T00:00:00Z");
  }

  @Test
  void unwritableDestination() throws Exception {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    Result r = run("export", "--input", input().toString(), "--dataset", "usage-daily", "--format", "csv", "--to", file.resolve("sub").toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err.strip()).startsWith("error: destination not writable: ").doesNotContain("\n");
  }

  @Test
  void alertsAndForecastsRefuseFocusSourceAndEventFilesAndKafkaSaysSo() throws Exception {
    Path out = tmp.resolve("run-out");
    Files.createDirectories(out.resolve("alerts"));
    Result r = run("export", "--input", out.toString(), "--dataset", "alerts", "--schema", "focus", "--to", tmp.resolve("o").toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err.strip()).isEqualTo("error: --schema focus applies to priced-events and usage-hourly/daily, not to alerts");
    r = run("export", "--input", out.toString(), "--dataset", "forecasts", "--source", "api", "--to", tmp.resolve("o").toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err.strip()).startsWith("error: --source applies to priced-events").doesNotContain("\n");
    r = run("export", "--input", tmp.resolve("events.csv").toString(), "--dataset", "alerts", "--to", tmp.resolve("o").toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err.strip()).startsWith("error: input not found");
    Files.writeString(tmp.resolve("events.csv"), "a,b\n");
    r = run("export", "--input", tmp.resolve("events.csv").toString(), "--dataset", "forecasts", "--to", tmp.resolve("o").toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err.strip()).isEqualTo("error: forecasts are read from the JSON lines a run wrote (forecasts/*.jsonl), not from " + tmp.resolve("events.csv"));
    r = run("export", "--kafka", "127.0.0.1:9092", "--dataset", "forecasts", "--to", tmp.resolve("o").toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err.strip()).isEqualTo("error: forecasts are not published to Kafka; export them with --input from the --out directory of a run with forecasts");
    r = run("export", "--kafka", "127.0.0.1:9092", "--input", out.toString(), "--dataset", "alerts", "--to", tmp.resolve("o").toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err.strip()).isEqualTo("error: --input (files) and --kafka exclude each other");
    r = run("export", "--input", out.toString(), "--topic", "t", "--dataset", "alerts", "--to", tmp.resolve("o").toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err.strip()).isEqualTo("error: --topic, --alerts-topic and --kafka-property apply to --kafka only");
  }

  @Test
  void unknownFormatAndBadTime() throws Exception {
    assertThat(run("export", "--input", input().toString(), "--dataset", "priced-events", "--format", "xlsx", "--to", "x").err)
        .contains("unknown format 'xlsx'");
    assertThat(run("export", "--input", input().toString(), "--dataset", "priced-events", "--from", "yesterday", "--to", "x").err)
        .contains("--from 'yesterday' is not a date");
  }
}
