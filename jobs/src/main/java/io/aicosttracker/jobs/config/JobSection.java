package io.aicosttracker.jobs.config;

/** {@code job.*}: the Flink job itself. */
public final class JobSection {
  public String name = "cost-tracker";
  /** Operator parallelism; null keeps the cluster default (local runs use 2). */
  public Integer parallelism;

  void validate() {
    Sections.requireText("job.name", name);
    if (parallelism != null && parallelism < 1) throw new ConfigException("job.parallelism must be >= 1, got " + parallelism);
  }
}
