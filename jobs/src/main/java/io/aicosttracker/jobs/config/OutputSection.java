package io.aicosttracker.jobs.config;

/** {@code output.*}: the local/file outputs (aggregates, priced events, dead letters as files). */
public final class OutputSection {
  /** Directory (path or {@code file://}/{@code s3://} URI) for the file outputs; none when unset. */
  public String dir;
  public boolean pricedEvents = false;

  void validate() {
    if (dir != null && dir.isBlank()) throw new ConfigException("output.dir must not be empty");
  }
}
