package io.aicosttracker.jobs.functions;

/** Names of the job accumulators the run summary reads (read = accepted + duplicates + dead). */
public final class PipelineCounters {
  public static final String READ = "read";
  public static final String ACCEPTED = "accepted";
  public static final String DUPLICATES = "duplicates";
  public static final String DEAD_LETTERED = "dead-lettered";
  public static final String LATE = "late";
  public static final String UNPRICED = "unpriced";

  private PipelineCounters() {}
}
