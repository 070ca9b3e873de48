package io.aicosttracker.jobs.sinks;

import io.aicosttracker.connectors.jdbc.BudgetStatusRow;
import io.aicosttracker.connectors.jdbc.DeliveryRow;
import io.aicosttracker.connectors.jdbc.JdbcSettings;
import io.aicosttracker.connectors.jdbc.JdbcSinks;
import io.aicosttracker.connectors.kafka.KafkaJsonSink;
import io.aicosttracker.connectors.notify.config.NotificationConfig;
import io.aicosttracker.connectors.notify.delivery.NotificationDelivery;
import io.aicosttracker.connectors.notify.flink.NotificationOutputs;
import io.aicosttracker.connectors.notify.flink.NotificationStage;
import io.aicosttracker.core.format.AlertJson;
import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.BudgetStatus;
import io.aicosttracker.jobs.alerts.AlertStage;
import io.aicosttracker.jobs.config.KafkaSection;
import io.aicosttracker.jobs.pipeline.CatalogSpec;
import io.aicosttracker.jobs.pipeline.ForecastStage;
import io.aicosttracker.jobs.pipeline.OutputAttachment;
import io.aicosttracker.jobs.pipeline.PipelineOutputs;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Everything downstream of the usage pipeline, for the batch and the streaming job alike:
 * files, Kafka topics, PostgreSQL, forecasts, alerts and notifications, each optional.
 *
 * <p>One place decides how the outputs feed each other (alerts to the {@code alerts} table, the
 * {@code cost-alerts} topic and the notification sink; deliveries to
 * {@code notification_deliveries}; forecasts to files and tables), so both jobs wire them the
 * same way.
 */
public final class OutputPlan implements OutputAttachment {
  private Path dir;
  private boolean baseFiles;
  private boolean pricedEventFiles;
  private KafkaSection kafka;
  private JdbcSettings jdbc;
  private CatalogSpec catalog = CatalogSpec.builtIn();
  private int[] forecastHorizons;
  private AlertStage alerts;
  private NotificationConfig notifications;
  private java.time.Duration notifyMaxAge = java.time.Duration.ofHours(24);

  /** File outputs under {@code dir} (aggregates, dead letters, and priced events if asked). */
  public OutputPlan files(Path dir, boolean pricedEvents) {
    this.dir = dir;
    this.baseFiles = true;
    this.pricedEventFiles = pricedEvents;
    return this;
  }

  /** Files of the derived outputs only (forecasts, alerts, deliveries) under {@code dir}: the batch job writes the base files itself. */
  public OutputPlan derivedFilesIn(Path dir) {
    this.dir = dir;
    return this;
  }

  /** Kafka topics: dead letters, optionally priced events, and alerts. */
  public OutputPlan kafka(KafkaSection kafka) {
    this.kafka = kafka;
    return this;
  }

  /** PostgreSQL upserts; {@code catalog} prices the cache savings of the aggregates. */
  public OutputPlan jdbc(JdbcSettings settings, CatalogSpec catalog) {
    this.jdbc = settings;
    this.catalog = catalog;
    return this;
  }

  public OutputPlan forecasts(int[] horizons) {
    this.forecastHorizons = horizons == null ? null : horizons.clone();
    return this;
  }

  public OutputPlan alerts(AlertStage stage) {
    this.alerts = stage;
    return this;
  }

  /**
   * Sends alerts through the configured channels (needs {@link #alerts}); alerts whose event
   * time is older than {@code maxAge} (a backfill) are recorded but not sent.
   */
  public OutputPlan notifications(NotificationConfig config, java.time.Duration maxAge) {
    this.notifications = config;
    this.notifyMaxAge = maxAge;
    return this;
  }

  public boolean hasAlerts() {
    return alerts != null;
  }

  @Override
  public void attach(PipelineOutputs outputs) {
    if (notifications != null && alerts == null) throw new IllegalArgumentException("notifications need the alert stage (budgets or anomalies)");
    if (baseFiles) new FileOutputs(dir, pricedEventFiles).attach(outputs);
    if (kafka != null) new KafkaOutputs(kafka).attach(outputs);
    JdbcSinks tables = jdbc == null ? null : new JdbcSinks(jdbc);
    if (jdbc != null) {
      new JdbcOutputs(jdbc, catalog).attach(outputs);
      DeadLetterCounts.attach(outputs.deadLetters(), tables);
    }
    // budget scopes are forecast by the alert stage (from the budgets' charges) at the output horizons
    if (alerts != null && forecastHorizons != null) alerts.budgetForecastHorizons(forecastHorizons);
    if (alerts != null) attachAlerts(outputs, tables);
    if (forecastHorizons != null) attachForecasts(outputs, tables);
  }

  private void attachForecasts(PipelineOutputs outputs, JdbcSinks tables) {
    DataStream<Forecast> forecasts = ForecastStage.build(outputs.daily(), forecastHorizons);
    if (alerts != null && alerts.budgetForecasts() != null) forecasts = forecasts.union(alerts.budgetForecasts());
    if (dir != null) ForecastOutputs.writeFiles(forecasts, dir);
    if (tables != null) ForecastTables.attach(forecasts, tables, Arrays.stream(forecastHorizons).max().orElse(0));
  }

  private void attachAlerts(PipelineOutputs outputs, JdbcSinks tables) {
    if (dir != null) alerts.writeFilesTo(dir);
    alerts.attach(outputs);
    DataStream<AlertEvent> events = alerts.alerts();
    if (tables != null) {
      tables.alerts(events);
      tables.anomalies(events);
      if (alerts.budgetStatus() != null) {
        tables.budgetStatus(
            alerts.budgetStatus().map(OutputPlan::statusRow).returns(TypeInformation.of(BudgetStatusRow.class)).uid("budget-status-rows").name("budget status rows"));
      }
    }
    if (kafka != null) {
      DeliveryGuarantee guarantee = kafka.guarantee();
      events
          .sinkTo(KafkaJsonSink.<AlertEvent>create(
              kafka.bootstrapServers, kafka.alertsTopic, AlertJson::writeAlert, a -> a.alertId, guarantee, kafka.groupId + "-alerts", kafka.properties))
          .uid("sink-alerts-kafka")
          .name("alerts -> " + kafka.alertsTopic);
    }
    if (notifications != null) {
      DataStream<AlertEvent> recent =
          events.filter(new io.aicosttracker.jobs.functions.RecentAlertsOnly(notifyMaxAge)).uid("notify-recent-only").name("notify: recent alerts only");
      NotificationOutputs sent = NotificationStage.attach(recent, notifications, dir);
      if (tables != null) {
        tables.deliveries(
            sent.deliveries()
                .filter(d -> !NotificationDelivery.DUPLICATE.equals(d.status)) // the first delivery's row stays
                .uid("delivery-rows-filter")
                .name("deliveries without skipped duplicates")
                .map(OutputPlan::deliveryRow)
                .returns(TypeInformation.of(DeliveryRow.class))
                .uid("delivery-rows")
                .name("delivery rows"));
      }
    }
  }

  static BudgetStatusRow statusRow(BudgetStatus s) {
    BudgetStatusRow r = new BudgetStatusRow();
    r.budgetId = s.budgetId;
    r.periodStart = s.periodStart;
    r.periodEnd = s.periodEnd;
    r.asOf = s.asOf;
    r.spendUsd = s.spendUsd;
    r.amountUsd = s.amountUsd;
    r.percentUsed = s.percentUsed;
    r.burnRateUsdPerHour = s.burnRateUsdPerHour;
    r.projectedSpendUsd = s.projectedSpendUsd;
    r.exhaustionTime = s.projectedExhaustion;
    r.forecastProjectedSpendUsd = s.forecastProjectedSpendUsd;
    r.forecastExhaustionTime = s.forecastExhaustion;
    r.forecastModel = s.forecastModel;
    r.state = s.state == null ? "OK" : s.state;
    return r;
  }

  static DeliveryRow deliveryRow(NotificationDelivery d) {
    DeliveryRow r = new DeliveryRow();
    r.alertId = d.alertId;
    r.channel = d.channel;
    r.channelType = d.channelType;
    r.status = d.status;
    r.attempts = Math.max(1, d.attempt);
    r.httpStatus = d.httpStatus > 0 ? d.httpStatus : null;
    r.latencyMs = d.latencyMs;
    r.error = d.error;
    r.sentAt = d.timestamp;
    return r;
  }
}
