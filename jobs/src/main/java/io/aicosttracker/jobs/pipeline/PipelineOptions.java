package io.aicosttracker.jobs.pipeline;

import java.io.Serializable;
import java.time.Duration;

/** Tunables of the usage pipeline shared by the batch and streaming jobs. */
public final class PipelineOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** BATCH runtime (bounded input): picks the sort-free in-memory de-duplication. */
  public boolean batch;

  public CatalogSpec catalog = CatalogSpec.builtIn();
  public Duration outOfOrderness = Duration.ofMinutes(5);
  public Duration idleness = Duration.ofMinutes(1);
  public Duration allowedLateness = Duration.ofDays(2);
  public Duration dedupeTtl = Duration.ofDays(2);
  public int maxRecordBytes = 1 << 20;
  public Duration maxFutureSkew = Duration.ofHours(24);
  /** A BATCH run's estimate of its events (0: unknown), to size the de-duplication set once. */
  public long expectedEvents;
}
