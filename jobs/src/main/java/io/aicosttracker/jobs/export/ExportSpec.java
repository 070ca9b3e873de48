package io.aicosttracker.jobs.export;

import io.aicosttracker.connectors.export.ExportFormat;
import io.aicosttracker.connectors.export.ParquetCompression;
import java.io.Serializable;
import java.util.Objects;

/** What one export writes and where: dataset, format, column set, compression, filter, destination. */
public record ExportSpec(
    ExportDataset dataset,
    ExportFormat format,
    ExportSchemaKind schema,
    ParquetCompression compression,
    String destination,
    ExportFilter filter,
    boolean csvFormulaGuard)
    implements Serializable {

  public ExportSpec {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(filter, "filter");
    if (!dataset.fromEvents() && schema == ExportSchemaKind.FOCUS) {
      throw new IllegalArgumentException("--schema focus applies to priced-events and usage-hourly/daily, not to " + dataset.id());
    }
    if (!dataset.fromEvents() && filter.source() != null) {
      throw new IllegalArgumentException("--source applies to priced-events and usage-hourly/daily, not to " + dataset.id() + " (they have no source)");
    }
  }

  /** The same export to another (e.g. normalized) destination. */
  public ExportSpec withDestination(String uri) {
    return new ExportSpec(dataset, format, schema, compression, uri, filter, csvFormulaGuard);
  }
}
