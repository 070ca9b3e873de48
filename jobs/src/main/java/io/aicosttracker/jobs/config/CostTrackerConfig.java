package io.aicosttracker.jobs.config;

/**
 * The typed configuration of the cost-tracker jobs: one section per concern, loaded from one YAML
 * file plus command-line overrides by {@link ConfigLoader}.
 *
 * <p>To add settings, add a section class with public fields (defaults as initial values, the
 * YAML key is the field name in kebab-case) and a {@code validate()} method, then a field and a
 * line in {@link #validate} here. Unknown keys are rejected by the loader without further code.
 */
public final class CostTrackerConfig {
  public JobSection job = new JobSection();
  public KafkaSection kafka = new KafkaSection();
  public PipelineSection pipeline = new PipelineSection();
  public CheckpointSection checkpoints = new CheckpointSection();
  public OutputSection output = new OutputSection();

  /**
   * Checks every section.
   *
   * @param streaming true for the Kafka job (bootstrap servers required)
   * @throws ConfigException naming the first invalid key
   */
  public CostTrackerConfig validate(boolean streaming) {
    job.validate();
    kafka.validate(streaming);
    pipeline.validate();
    checkpoints.validate();
    output.validate();
    return this;
  }
}
