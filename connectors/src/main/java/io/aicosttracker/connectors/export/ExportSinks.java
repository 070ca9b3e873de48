package io.aicosttracker.connectors.export;

import io.aicosttracker.core.export.ExportSchema;
import java.util.Objects;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;

/**
 * Builds the {@link FileSink} of an export: date-partitioned ({@code dt=YYYY-MM-DD/}), files named
 * {@code <dataset>-<uuid>-<n>.<ext>}.
 *
 * <p>Files are bulk-encoded, so they roll on every checkpoint in streaming mode and at the end of
 * input in batch mode; until then they are hidden in-progress files ({@code .<name>.inprogress.*}),
 * so readers only ever see completed files. Usage:
 *
 * <pre>{@code
 * FileSink<PricedUsage> sink = ExportSinks.builder(NativeSchemas.pricedEvents())
 *     .destination("s3://bucket/exports/priced").filePrefix("priced-events")
 *     .format(ExportFormat.PARQUET).compression(ParquetCompression.ZSTD).build();
 * }</pre>
 */
public final class ExportSinks {
  private ExportSinks() {}

  public static <T> Builder<T> builder(ExportSchema<T> schema) {
    return new Builder<>(schema);
  }

  /** The writer factory alone (for tests and benchmarks that write without a sink). */
  public static <T> BulkWriter.Factory<T> writerFactory(
      ExportSchema<T> schema, ExportFormat format, ParquetCompression compression, boolean csvFormulaGuard) {
    return switch (format) {
      case CSV -> out -> new CsvExportWriter<>(out, schema, csvFormulaGuard);
      case JSONL -> out -> new JsonLinesExportWriter<>(out, schema);
      case PARQUET -> new ParquetExportWriterFactory<>(schema, compression);
    };
  }

  /** Options of one export sink; {@link #build()} checks them. */
  public static final class Builder<T> {
    private final ExportSchema<T> schema;
    private String destination;
    private String filePrefix;
    private ExportFormat format = ExportFormat.PARQUET;
    private ParquetCompression compression = ParquetCompression.SNAPPY;
    private boolean csvFormulaGuard = true;
    private boolean avroParquetReference;

    Builder(ExportSchema<T> schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** Snapshot root URI ({@code file:///...} or {@code s3://bucket/prefix}). */
    public Builder<T> destination(String uri) {
      this.destination = uri;
      return this;
    }

    /** File name prefix, the dataset name (e.g. {@code priced-events}). */
    public Builder<T> filePrefix(String prefix) {
      this.filePrefix = prefix;
      return this;
    }

    public Builder<T> format(ExportFormat format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    public Builder<T> compression(ParquetCompression compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

    /** Formula-injection guard of CSV text cells (on by default). */
    public Builder<T> csvFormulaGuard(boolean on) {
      this.csvFormulaGuard = on;
      return this;
    }

    /**
     * Parquet through parquet-avro's record writer instead of the direct column writer: the same
     * files, about 3x slower; kept as the reference that tests and the benchmark compare with.
     */
    public Builder<T> avroParquetReference(boolean on) {
      this.avroParquetReference = on;
      return this;
    }

    public FileSink<T> build() {
      if (destination == null || destination.isBlank()) throw new IllegalStateException("destination is required");
      if (filePrefix == null || filePrefix.isBlank() || filePrefix.startsWith(".") || filePrefix.startsWith("_")) {
        throw new IllegalStateException("file prefix must be set and not start with '.' or '_' (hidden files)");
      }
      OutputFileConfig names =
          OutputFileConfig.builder().withPartPrefix(filePrefix).withPartSuffix("." + format.extension()).build();
      BulkWriter.Factory<T> writers =
          avroParquetReference && format == ExportFormat.PARQUET
              ? new AvroParquetExportWriterFactory<>(schema, compression)
              : writerFactory(schema, format, compression, csvFormulaGuard);
      return FileSink.forBulkFormat(new Path(destination), writers)
          .withBucketAssigner(new DatePartitions<>(schema))
          .withOutputFileConfig(names)
          .build();
    }
  }
}
