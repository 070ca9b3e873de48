package io.aicosttracker.jobs;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Command-line flags of {@link CostTrackerJob#main}; each maps to a configuration key and beats
 * the file's value, {@code --set KEY=VALUE} reaches any key.
 */
@Command(name = "CostTrackerJob", description = "The continuous cost-tracker job (Kafka -> pipeline -> sinks).")
final class JobArguments {
  @Mixin StreamingFlags flags = new StreamingFlags();

  @Option(names = "--out", description = "Directory for file outputs (output.dir).")
  String out;

  @Option(names = "--budgets", paramLabel = "FILE", description = "Budgets file, YAML or JSON (alerts.budgets-file).")
  String budgets;

  @Option(names = "--notifications", paramLabel = "FILE", description = "Notification channels and routes (alerts.notifications-file).")
  String notifications;

  @Option(names = "--parallelism", description = "Operator parallelism (job.parallelism).")
  Integer parallelism;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  /** The flags as configuration overrides (flags named here win over --set). */
  Map<String, String> overrides() {
    Map<String, String> m = flags.overrides();
    if (out != null) m.put("output.dir", out);
    if (parallelism != null) m.put("job.parallelism", parallelism.toString());
    if (budgets != null) m.put("alerts.budgets-file", budgets);
    if (notifications != null) m.put("alerts.notifications-file", notifications);
    return m;
  }
}
