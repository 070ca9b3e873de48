package io.aicosttracker.jobs.config;

/** {@code output.*}: the local/file outputs (aggregates, priced events, dead letters as files). */
public final class OutputSection {
  /** Local directory for the file outputs; none when unset (object storage: {@code cost-tracker export}). */
  public String dir;
  public boolean pricedEvents = false;

  void validate() {
    if (dir != null && dir.isBlank()) throw new ConfigException("output.dir must not be empty");
    if (dir != null && dir.contains("://")) {
      throw new ConfigException("output.dir must be a local path, got '" + dir + "' (write to object storage with cost-tracker export)");
    }
  }
}
