package io.aicosttracker.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.aicosttracker.core.generate.SyntheticUsageGenerator;
import io.aicosttracker.jobs.alerts.AlertFiles;
import io.aicosttracker.jobs.alerts.AlertStage;
import io.aicosttracker.jobs.functions.AnomalyOptions;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import io.aicosttracker.jobs.pipeline.UsageBatchJob;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cost-tracker bench anomalies}: generates labelled data, runs the pipeline with the
 * anomaly detector and prints precision, recall and false-positive rate of {@code COST_ANOMALY}
 * against the spike labels.
 *
 * <p>An alert is a true positive when its (project, provider, model, window) is a labelled
 * spike; the negatives are all other series-windows after the minimum history.
 */
@Command(name = "anomalies", mixinStandardHelpOptions = true, description = "Precision/recall of COST_ANOMALY on generated, labelled data.")
public final class AnomalyBenchCommand implements Callable<Integer> {
  @Option(names = "--days", defaultValue = "90") int days;
  @Option(names = "--spikes", defaultValue = "10") int spikes;
  @Option(names = "--events", defaultValue = "200000") long events;
  @Option(names = "--seed", defaultValue = "42") long seed;
  @Option(names = "--seeds", defaultValue = "1", description = "Runs with seeds seed, seed+1, ... (default ${DEFAULT-VALUE}).") int seeds;
  @Option(names = "--work", defaultValue = "bench-output/anomalies", description = "Working directory (default ${DEFAULT-VALUE}).") Path work;
  @Option(names = "--parallelism", defaultValue = "2") int parallelism;
  @Mixin AlertCliOptions alertOptions = new AlertCliOptions();

  @Override
  public Integer call() throws Exception {
    AnomalyOptions options = alertOptions.anomalyOptions();
    long tp = 0, fp = 0, fn = 0, negatives = 0;
    for (int i = 0; i < seeds; i++) {
      Result r = runOnce(seed + i, options);
      System.out.printf(Locale.ROOT, "seed %d: labels %d, alerts %d, true positives %d, false positives %d, missed %d%n",
          seed + i, r.labels, r.tp + r.fp, r.tp, r.fp, r.fn);
      tp += r.tp;
      fp += r.fp;
      fn += r.fn;
      negatives += r.negatives;
    }
    double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    System.out.printf(Locale.ROOT, "COST_ANOMALY (%s, z>=%.1f, excess>=$%.2f, %d points, %d days min history), %d days, %d spikes x %d seeds, %,d events%n",
        options.step.toHours() >= 24 ? "daily" : "hourly", options.zThreshold, options.dollarFloor, options.points,
        options.minHistory.toDays(), days, spikes, seeds, events);
    System.out.printf(Locale.ROOT, "precision            %.1f %%  (%d of %d alerts)%n", 100 * precision, tp, tp + fp);
    System.out.printf(Locale.ROOT, "recall               %.1f %%  (%d of %d spikes)%n", 100 * recall, tp, tp + fn);
    System.out.printf(Locale.ROOT, "false-positive rate  %.4f %%  (%d of %,d normal series-windows)%n", 100.0 * fp / Math.max(1, negatives), fp, negatives);
    return 0;
  }

  private record Result(int labels, long tp, long fp, long fn, long negatives) {}

  private Result runOnce(long runSeed, AnomalyOptions options) throws Exception {
    Path dir = work.resolve("seed-" + runSeed);
    Path input = dir.resolve("events.jsonl");
    List<SyntheticUsageGenerator.Spike> labels =
        GenerateCommand.write(input, events, days, runSeed, LocalDate.parse("2026-09-01"), 0.6, spikes);
    PipelineOptions pipeline = new PipelineOptions();
    AlertStage stage = new AlertStage(List.of(), options, pipeline.allowedLateness).writeFilesTo(dir);
    new UsageBatchJob(List.of(input), dir, pipeline, parallelism).writePricedEvents(false).attach(stage).run();

    long step = options.step.toMillis();
    Set<String> labelled = new HashSet<>();
    for (SyntheticUsageGenerator.Spike s : labels) {
      labelled.add(key(s.project(), s.provider(), s.model(), Math.floorDiv(s.hourStart(), step) * step));
    }
    Set<String> alerted = new HashSet<>();
    for (JsonNode a : AlertFiles.read(dir.resolve(AlertStage.ALERTS_DIR))) {
      if (!"COST_ANOMALY".equals(a.path("kind").asText()) || !"ALERT".equals(a.path("state").asText())) continue;
      long start = Instant.parse(a.path("period_start").asText()).toEpochMilli();
      alerted.add(key(a.path("project").asText(), a.path("provider").asText(), a.path("model").asText(), start));
    }
    long tp = alerted.stream().filter(labelled::contains).count();
    long fp = alerted.size() - tp;
    long fn = labelled.size() - tp;
    long windowsAfterHistory = (days * 86_400_000L - options.minHistory.toMillis()) / step;
    long negatives = Math.max(0, SeriesCount.of(dir) * windowsAfterHistory - labelled.size());
    return new Result(labels.size(), tp, fp, fn, negatives);
  }

  private static String key(String project, String provider, String model, long start) {
    return project + "|" + provider + "|" + model + "|" + start;
  }

  /** Distinct (project, provider, model) series in the hourly aggregates of a run. */
  static final class SeriesCount {
    static long of(Path dir) throws java.io.IOException {
      Set<String> series = new HashSet<>();
      try (var files = java.nio.file.Files.walk(dir.resolve("usage-hourly"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
          for (String line : java.nio.file.Files.readAllLines(f)) {
            if (line.startsWith("window_start")) continue;
            String[] c = line.split(",", -1);
            if (c.length > 3) series.add(c[1] + "|" + c[2] + "|" + c[3]);
          }
        }
      }
      return series.size();
    }
  }

}
