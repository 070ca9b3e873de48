package io.aicosttracker.jobs.config;

import java.time.Duration;

/** {@code checkpoints.*}: how often state is checkpointed and where checkpoints are kept. */
public final class CheckpointSection {
  public Duration interval = Duration.ofSeconds(10);
  /** Checkpoint directory URI ({@code file:///...}, {@code s3://...}); local runs default to OUT/checkpoints. */
  public String dir;
  /** A checkpoint or savepoint path to restore from at start (local runs; on a cluster use {@code flink run -s}). */
  public String restoreFrom;

  void validate() {
    Sections.requirePositive("checkpoints.interval", interval);
    if (interval.toMillis() < 10) throw new ConfigException("checkpoints.interval must be >= 10 ms, got " + interval);
  }
}
