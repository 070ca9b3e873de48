package io.aicosttracker.jobs.pipeline;

import io.aicosttracker.jobs.functions.PipelineCounters;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;

/** Counts and cost totals of one batch run, printed at the end of {@code cost-tracker run}. */
public record RunSummary(
    long read,
    long accepted,
    long duplicates,
    long deadLettered,
    long late,
    long unpriced,
    double totalCostUsd,
    List<Map.Entry<String, Double>> topModels,
    long elapsedMillis,
    String detachedJobId) {

  /** Builds the summary from the job's accumulators and the daily aggregate files it wrote. */
  public static RunSummary of(JobExecutionResult result, Path dailyDir, long elapsedMillis) throws IOException {
    // submitted detached (REST /jars/run, flink run -d): the cluster runs it, nothing to count yet
    if (!result.isJobExecutionResult()) {
      return new RunSummary(0, 0, 0, 0, 0, 0, 0, List.of(), elapsedMillis, result.getJobID().toString());
    }
    Map<String, Double> byModel = costByModel(dailyDir);
    double total = byModel.values().stream().mapToDouble(Double::doubleValue).sum();
    List<Map.Entry<String, Double>> top = new ArrayList<>(byModel.entrySet());
    top.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    long dead = counter(result, PipelineCounters.DEAD_LETTERED);
    long late = counter(result, PipelineCounters.LATE);
    return new RunSummary(
        counter(result, PipelineCounters.READ),
        counter(result, PipelineCounters.ACCEPTED),
        counter(result, PipelineCounters.DUPLICATES),
        dead + late,
        late,
        counter(result, PipelineCounters.UNPRICED),
        total,
        top.subList(0, Math.min(5, top.size())),
        elapsedMillis,
        null);
  }

  /** True when every record read is accounted for exactly once (or the job runs detached, uncounted). */
  public boolean reconciles() {
    return detachedJobId != null || read == accepted + duplicates + deadLettered;
  }

  private static long counter(JobExecutionResult result, String name) {
    Object v = result.getAllAccumulatorResults().get(name);
    return v == null ? 0L : ((Number) v).longValue();
  }

  /** Sums cost per provider/model over the final daily rows (a re-fired window counts once). */
  static Map<String, Double> costByModel(Path dailyDir) throws IOException {
    Map<String, Double> byModel = new LinkedHashMap<>();
    for (String[] c : io.aicosttracker.jobs.sinks.AggregateFiles.readFinal(dailyDir).values()) {
      byModel.merge(c[2] + "/" + c[3], Double.parseDouble(c[11]), Double::sum);
    }
    return byModel;
  }

  public void print(PrintStream out) {
    if (detachedJobId != null) {
      out.printf(Locale.ROOT, "submitted job %s (detached): the cluster runs it; follow it in the Flink web UI%n", detachedJobId);
      return;
    }
    out.printf(Locale.ROOT, "read           %,d%n", read);
    out.printf(Locale.ROOT, "accepted       %,d%n", accepted);
    out.printf(Locale.ROOT, "duplicates     %,d%n", duplicates);
    out.printf(Locale.ROOT, "dead-lettered  %,d (late: %,d)%n", deadLettered, late);
    out.printf(Locale.ROOT, "unpriced       %,d%n", unpriced);
    out.printf(Locale.ROOT, "total cost     $%,.2f%n", totalCostUsd);
    out.printf(Locale.ROOT, "reconciled     %s (read = accepted + duplicates + dead-lettered)%n", reconciles() ? "yes" : "NO");
    out.println("top models by cost:");
    for (Map.Entry<String, Double> e : topModels) {
      out.printf(Locale.ROOT, "  %-45s $%,.2f%n", e.getKey(), e.getValue());
    }
    double secs = elapsedMillis / 1000.0;
    out.printf(Locale.ROOT, "elapsed        %.1f s (%,.0f events/s)%n", secs, secs > 0 ? read / secs : 0.0);
  }
}
