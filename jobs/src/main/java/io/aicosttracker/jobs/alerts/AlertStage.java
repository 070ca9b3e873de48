package io.aicosttracker.jobs.alerts;

import io.aicosttracker.connectors.sink.TextFileSinks;
import io.aicosttracker.core.budget.Budget;
import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.forecast.ForecastScopes;
import io.aicosttracker.core.format.AlertJson;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.BudgetStatus;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.jobs.functions.AnomalyOptions;
import io.aicosttracker.jobs.functions.BudgetCharge;
import io.aicosttracker.jobs.functions.BudgetSpendFunction;
import io.aicosttracker.jobs.functions.CostAnomalyFunction;
import io.aicosttracker.jobs.functions.MatchBudgets;
import io.aicosttracker.jobs.functions.CombineSeriesPartials;
import io.aicosttracker.jobs.functions.SeriesCost;
import io.aicosttracker.jobs.functions.SeriesCostAggregator;
import io.aicosttracker.jobs.functions.UnpricedUsageFunction;
import io.aicosttracker.jobs.pipeline.ForecastStage;
import io.aicosttracker.jobs.pipeline.OutputAttachment;
import io.aicosttracker.jobs.pipeline.PipelineOutputs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * Budgets, cost anomalies and unpriced-usage alerts on the pipeline's priced events.
 *
 * <p>Attach it like any output; afterwards {@link #alerts()} and {@link #budgetStatus()} are the
 * streams for further sinks (Kafka {@code cost-alerts}, PostgreSQL, the notification sink). With
 * {@link #writeFilesTo} it also writes {@code DIR/alerts/} and {@code DIR/budget-status/} as
 * JSON lines.
 *
 * <pre>{@code
 * AlertStage alerts = new AlertStage(budgets, AnomalyOptions.hourly(), allowedLateness).writeFilesTo(outDir);
 * job.attach(alerts);                       // or alerts.attach(outputs)
 * job.attach(o -> notificationSink.attach(alerts.alerts()));
 * }</pre>
 */
public final class AlertStage implements OutputAttachment {
  public static final String ALERTS_DIR = "alerts";
  public static final String BUDGET_STATUS_DIR = "budget-status";

  private final List<Budget> budgets;
  private final AnomalyOptions anomalies;
  private final Duration retention;
  /** Horizons of the budget-scope forecasts; 30 days covers a monthly period (beyond it the path's last week is extrapolated). */
  public static final int[] DEFAULT_BUDGET_FORECAST_HORIZONS = {30};

  private Path filesDir;
  private int[] budgetForecastHorizons = DEFAULT_BUDGET_FORECAST_HORIZONS;
  private AlertStreams streams;

  /**
   * @param anomalies anomaly detector options, or null to turn anomaly detection off
   * @param retention how long closed periods/days stay in state for late events (the
   *     pipeline's allowed lateness)
   */
  public AlertStage(List<Budget> budgets, AnomalyOptions anomalies, Duration retention) {
    this.budgets = List.copyOf(budgets);
    this.anomalies = anomalies == null ? null : anomalies.validate();
    this.retention = retention;
  }

  /**
   * Horizons of the daily forecasts of each budget's scope ({@code budget:ID}) that feed the
   * budget function (default 30 days); null turns forecast-based budget projections off.
   */
  public AlertStage budgetForecastHorizons(int[] horizons) {
    this.budgetForecastHorizons = horizons == null ? null : horizons.clone();
    return this;
  }

  /** Also write alerts and budget statuses as JSON lines under {@code dir}. */
  public AlertStage writeFilesTo(Path dir) {
    this.filesDir = dir;
    return this;
  }

  @Override
  public void attach(PipelineOutputs outputs) {
    streams = build(outputs.priced(), budgets, anomalies, retention, budgetForecastHorizons);
    if (filesDir != null) {
      streams
          .alerts()
          .sinkTo(TextFileSinks.<AlertEvent>jsonLines(filesDir.resolve(ALERTS_DIR), AlertJson::writeAlert))
          .uid("sink-alert-files")
          .name("alerts files");
      if (streams.budgetStatus() != null) {
        streams
            .budgetStatus()
            .sinkTo(TextFileSinks.<BudgetStatus>jsonLines(filesDir.resolve(BUDGET_STATUS_DIR), AlertJson::writeStatus))
            .uid("sink-budget-status-files")
            .name("budget-status files");
      }
    }
  }

  /** All alert events; available after {@link #attach}. */
  public DataStream<AlertEvent> alerts() {
    if (streams == null) throw new IllegalStateException("attach the AlertStage before asking for its streams");
    return streams.alerts();
  }

  /** Forecasts of the budget scopes ({@code budget:ID}), or null without budgets or budget forecasts; after {@link #attach}. */
  public DataStream<io.aicosttracker.core.forecast.Forecast> budgetForecasts() {
    if (streams == null) throw new IllegalStateException("attach the AlertStage before asking for its streams");
    return streams.budgetForecasts();
  }

  /** Budget statuses, or null without budgets; available after {@link #attach}. */
  public DataStream<BudgetStatus> budgetStatus() {
    if (streams == null) throw new IllegalStateException("attach the AlertStage before asking for its streams");
    return streams.budgetStatus();
  }


  /** Keeps the events the anomaly series count (API usage, and manual entries when asked). */
  private static final class SeriesFilter implements org.apache.flink.api.common.functions.FilterFunction<PricedUsage> {
    private final boolean includeManual;

    SeriesFilter(boolean includeManual) {
      this.includeManual = includeManual;
    }

    @Override
    public boolean filter(PricedUsage e) {
      return includeManual || !io.aicosttracker.core.records.UsageEvent.SOURCE_MANUAL.equals(e.source);
    }
  }

  /** Builds the alert operators on {@code priced} (for jobs that do not use an attachment). */
  public static AlertStreams build(DataStream<PricedUsage> priced, List<Budget> budgets, AnomalyOptions anomalies, Duration retention) {
    return build(priced, budgets, anomalies, retention, DEFAULT_BUDGET_FORECAST_HORIZONS);
  }

  /**
   * As {@link #build(DataStream, List, AnomalyOptions, Duration)}; {@code budgetForecastHorizons}
   * (null = off) are the horizons of the budget-scope forecasts connected into the budget function.
   */
  public static AlertStreams build(
      DataStream<PricedUsage> priced, List<Budget> budgets, AnomalyOptions anomalies, Duration retention, int[] budgetForecastHorizons) {
    SingleOutputStreamOperator<AlertEvent> unpriced =
        priced
            .filter(PricedUsage::isUnpriced)
            .uid("unpriced-filter")
            .name("Unpriced events")
            .keyBy(e -> e.provider + '\u0001' + e.model, TypeInformation.of(String.class))
            .process(new UnpricedUsageFunction(retention))
            .uid("unpriced-usage-alerts")
            .name("UNPRICED_USAGE alerts");
    DataStream<AlertEvent> alerts = unpriced;
    DataStream<BudgetStatus> status = null;
    DataStream<Forecast> budgetForecasts = null;

    if (!budgets.isEmpty()) {
      DataStream<BudgetCharge> charges =
          priced
              .flatMap(new MatchBudgets(budgets), TypeInformation.of(BudgetCharge.class))
              .uid("budget-match")
              .name("Match events to budgets");
      // without budget forecasts the second input is empty: only the burn rate projects
      budgetForecasts = budgetForecastHorizons == null ? null : ForecastStage.budgets(charges, budgetForecastHorizons, retention);
      DataStream<Forecast> forecastInput =
          budgetForecasts != null
              ? budgetForecasts
              : charges.flatMap((BudgetCharge c, org.apache.flink.util.Collector<Forecast> o) -> {}).returns(TypeInformation.of(Forecast.class))
                  .uid("budget-no-forecasts").name("No budget forecasts");
      SingleOutputStreamOperator<AlertEvent> budgetAlerts =
          charges
              .keyBy(c -> c.budgetId, TypeInformation.of(String.class))
              .connect(forecastInput.keyBy(f -> ForecastScopes.budgetId(f.scope), TypeInformation.of(String.class)))
              .process(new BudgetSpendFunction(budgets, retention), TypeInformation.of(AlertEvent.class))
              .uid("budget-spend")
              .name("Budget spend, burn rate, forecast and alerts");
      alerts = alerts.union(budgetAlerts);
      status = budgetAlerts.getSideOutput(BudgetSpendFunction.STATUS);
    }

    if (anomalies != null) {
      SingleOutputStreamOperator<AlertEvent> anomalyAlerts =
          priced
              .filter(new SeriesFilter(anomalies.includeManual))
              .uid("anomaly-source-filter")
              .name("Usage for anomaly series")
              .transform("Combine series partials", TypeInformation.of(SeriesCost.class), new CombineSeriesPartials(anomalies.step))
              .uid("combine-series-partials")
              .keyBy(SeriesCost::seriesKey, TypeInformation.of(String.class))
              .window(TumblingEventTimeWindows.of(anomalies.step))
              .allowedLateness(retention)
              .aggregate(new SeriesCostAggregator(), new SeriesCostAggregator.StampSeriesWindow(),
                  TypeInformation.of(SeriesCost.class), TypeInformation.of(SeriesCost.class), TypeInformation.of(SeriesCost.class))
              .uid("anomaly-series-cost")
              .name("Cost per series and window")
              .keyBy(SeriesCost::seriesKey, TypeInformation.of(String.class))
              .process(new CostAnomalyFunction(anomalies))
              .uid("cost-anomalies")
              .name("Rolling z-score anomalies");
      alerts = alerts.union(anomalyAlerts);
    }
    alerts = alerts.map(new io.aicosttracker.jobs.functions.CountAlerts()).uid("count-alerts").name("Count alerts");
    return new AlertStreams(alerts, status, budgetForecasts);
  }
}
