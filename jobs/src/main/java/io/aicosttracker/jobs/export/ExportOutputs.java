package io.aicosttracker.jobs.export;

import io.aicosttracker.connectors.export.ExportSinks;
import io.aicosttracker.core.export.ExportSchema;
import io.aicosttracker.core.export.FocusSchemas;
import io.aicosttracker.core.export.NativeSchemas;
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
      default -> throw new IllegalArgumentException("dataset '" + spec.dataset().id() + "' is not available in this build yet");
    }
  }

  /** The columns of a dataset in a column set (also written to the manifest). */
  public static ExportSchema<?> schemaOf(ExportDataset dataset, ExportSchemaKind kind) {
    return switch (dataset) {
      case PRICED_EVENTS -> pricedSchema(kind);
      case USAGE_HOURLY -> aggregateSchema(kind, CostAggregate.HOUR);
      case USAGE_DAILY -> aggregateSchema(kind, CostAggregate.DAY);
      default -> throw new IllegalArgumentException("dataset '" + dataset.id() + "' is not available in this build yet");
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
}
