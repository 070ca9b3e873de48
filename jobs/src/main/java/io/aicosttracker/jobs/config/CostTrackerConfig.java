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
  public JdbcSection jdbc = new JdbcSection();
  public ForecastSection forecast = new ForecastSection();
  public AlertSection alerts = new AlertSection();
  /** Inline budgets (a list), as in a budgets file; see docs/budgets-anomalies.md. */
  public com.fasterxml.jackson.databind.JsonNode budgets;
  /** The notification channels and routes; see docs/notifications.md. Off when absent. */
  public com.fasterxml.jackson.databind.JsonNode notifications;

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
    jdbc.validate();
    forecast.validate();
    alerts.validate();
    if (budgets != null && alerts.budgetsFile != null) throw new ConfigException("give budgets inline or in alerts.budgets-file, not both");
    if (notifications != null && alerts.notificationsFile != null) throw new ConfigException("give notifications inline or in alerts.notifications-file, not both");
    if ((notifications != null || alerts.notificationsFile != null) && !alerts.enabled) throw new ConfigException("notifications need alerts.enabled");
    return this;
  }
}
