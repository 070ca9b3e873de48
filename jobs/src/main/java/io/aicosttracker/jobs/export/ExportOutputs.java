package io.aicosttracker.jobs.export;

import io.aicosttracker.connectors.export.ExportSinks;
import io.aicosttracker.core.export.ExportSchema;
import io.aicosttracker.core.export.FocusSchemas;
import io.aicosttracker.core.export.NativeSchemas;
import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.records.AlertEvent;
import io.aicosttracker.core.records.CostAggregate;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.jobs.pipeline.OutputAttachment;
import io.aicosttracker.jobs.pipeline.PipelineOutputs;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Attaches an export of one dataset to the pipeline: filter, count, and write date-partitioned
 * files through a {@code FileSink}.
 *
 * <p>The batch {@link ExportJob} uses it for snapshots; the streaming job can attach it as is for a
 * continuous export (files roll on every checkpoint, so enable checkpointing). A continuous export
 * writes no {@code _manifest.json}: that is written by the snapshot job after it completes.
 *
 * <p>Alerts and forecasts are not pipeline outputs but the results of later stages: the snapshot
 * job reads them back from a run's files ({@link RecordFileSource}); a streaming job passes its
 * {@code AlertStage.alerts()} or {@code ForecastStage} stream to {@link #writeAlerts} or
 * {@link #writeForecasts}. Either way the rows go through the same filter, counter and sink.
 */
public final class ExportOutputs implements OutputAttachment {
  private final ExportSpec spec;

  public ExportOutputs(ExportSpec spec) {
    this.spec = spec;
  }

  @Override
  public void attach(PipelineOutputs outputs) {
    switch (spec.dataset()) {
      case PRICED_EVENTS -> write(outputs.priced(), pricedSchema(spec.schema()), new PricedFacts());
      case USAGE_HOURLY -> write(outputs.hourly(), aggregateSchema(spec.schema(), CostAggregate.HOUR), new AggregateFacts());
      case USAGE_DAILY -> write(outputs.daily(), aggregateSchema(spec.schema(), CostAggregate.DAY), new AggregateFacts());
      default -> throw new IllegalArgumentException(
          "dataset '" + spec.dataset().id() + "' is not a pipeline output: pass its stream to writeAlerts/writeForecasts");
    }
  }

  /** Exports alert events (the dataset must be {@code alerts}). */
  public void writeAlerts(DataStream<AlertEvent> alerts) {
    requireDataset(ExportDataset.ALERTS);
    write(alerts, NativeSchemas.alerts(), new AlertFacts());
  }

  /** Exports forecasts (the dataset must be {@code forecasts}). */
  public void writeForecasts(DataStream<Forecast> forecasts) {
    requireDataset(ExportDataset.FORECASTS);
    write(forecasts, NativeSchemas.forecasts(), new ForecastFacts());
  }

  private void requireDataset(ExportDataset d) {
    if (spec.dataset() != d) throw new IllegalArgumentException("this export is for " + spec.dataset().id() + ", not " + d.id());
  }

  /** The columns of a dataset in a column set (also written to the manifest). */
  public static ExportSchema<?> schemaOf(ExportDataset dataset, ExportSchemaKind kind) {
    return switch (dataset) {
      case PRICED_EVENTS -> pricedSchema(kind);
      case USAGE_HOURLY -> aggregateSchema(kind, CostAggregate.HOUR);
      case USAGE_DAILY -> aggregateSchema(kind, CostAggregate.DAY);
      case ALERTS -> NativeSchemas.alerts();
      case FORECASTS -> NativeSchemas.forecasts();
    };
  }

  static ExportSchema<PricedUsage> pricedSchema(ExportSchemaKind kind) {
    return kind == ExportSchemaKind.FOCUS ? FocusSchemas.pricedEvents() : NativeSchemas.pricedEvents();
  }

  static ExportSchema<CostAggregate> aggregateSchema(ExportSchemaKind kind, String granularity) {
    return kind == ExportSchemaKind.FOCUS ? FocusSchemas.aggregates(granularity) : NativeSchemas.aggregates(granularity);
  }

  private <T> void write(DataStream<T> rows, ExportSchema<T> schema, CountExportRows.RowFacts<T> facts) {
    String id = spec.dataset().id();
    rows.filter(new CountExportRows<>(schema, spec.filter(), facts))
        .uid("export-filter-" + id)
        .name("Export filter " + id)
        .sinkTo(
            ExportSinks.builder(schema)
                .destination(spec.destination())
                .filePrefix(id)
                .format(spec.format())
                .compression(spec.compression())
                .csvFormulaGuard(spec.csvFormulaGuard())
                .build())
        .uid("export-sink-" + id)
        .name("Export " + id + " " + spec.format().extension());
  }

  private static final class PricedFacts implements CountExportRows.RowFacts<PricedUsage> {
    @Override
    public String project(PricedUsage row) {
      return row.project;
    }

    @Override
    public String source(PricedUsage row) {
      return row.source;
    }

    @Override
    public double costUsd(PricedUsage row) {
      return row.costUsd;
    }
  }

  private static final class AggregateFacts implements CountExportRows.RowFacts<CostAggregate> {
    @Override
    public String project(CostAggregate row) {
      return row.project;
    }

    @Override
    public String source(CostAggregate row) {
      return row.source;
    }

    @Override
    public double costUsd(CostAggregate row) {
      return row.costUsd;
    }
  }

  /** Alerts have a project when scoped to one; no source, and no cost to total. */
  private static final class AlertFacts implements CountExportRows.RowFacts<AlertEvent> {
    @Override
    public String project(AlertEvent row) {
      return row.project;
    }

    @Override
    public String source(AlertEvent row) {
      return null;
    }

    @Override
    public double costUsd(AlertEvent row) {
      return 0.0;
    }
  }

  /** Forecasts of a {@code project:NAME} scope belong to that project; no source, no cost to total. */
  private static final class ForecastFacts implements CountExportRows.RowFacts<Forecast> {
    @Override
    public String project(Forecast row) {
      return NativeSchemas.forecastProject(row.scope);
    }

    @Override
    public String source(Forecast row) {
      return null;
    }

    @Override
    public double costUsd(Forecast row) {
      return 0.0;
    }
  }
}
