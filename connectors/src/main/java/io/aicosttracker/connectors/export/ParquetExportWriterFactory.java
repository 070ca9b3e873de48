package io.aicosttracker.connectors.export;

import io.aicosttracker.core.export.ColumnType;
import io.aicosttracker.core.export.ExportColumn;
import io.aicosttracker.core.export.ExportSchema;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.formats.parquet.ParquetBuilder;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

/**
 * Parquet files of an export, written column by column by {@link ExportWriteSupport} with the
 * file schema of {@link AvroExportSchemas} (the parquet-avro layout), with the chosen compression.
 *
 * <p>Flink's {@code AvroParquetWriters} fixes the compression to none and goes through Avro
 * records; this factory converts rows in the writer so the stream keeps its POJO type.
 */
final class ParquetExportWriterFactory<T> implements BulkWriter.Factory<T> {
  private static final long serialVersionUID = 1L;
  /**
   * Row groups of 16 MiB: a date-partitioned export keeps one open writer per partition and
   * subtask, each buffering a row group in memory, so the default 128 MiB would need gigabytes.
   */
  static final long ROW_GROUP_BYTES = 16L << 20;

  private static final Set<String> UNIQUE_TEXT_COLUMNS = Set.of("event_id", "x_EventId", "tags", "x_Tags");

  private final ExportSchema<T> schema;
  private final String avroSchemaJson; // Avro Schema is not serializable in every version
  private final ParquetCompression compression;

  ParquetExportWriterFactory(ExportSchema<T> schema, ParquetCompression compression) {
    this.schema = schema;
    this.avroSchemaJson = AvroExportSchemas.of(schema).toString();
    this.compression = compression;
  }

  @Override
  public BulkWriter<T> create(FSDataOutputStream out) throws IOException {
    List<String> dictionaryColumns = dictionaryColumns(schema);
    List<String> uniqueTextColumns =
        schema.columns().stream().map(ExportColumn::name).filter(UNIQUE_TEXT_COLUMNS::contains).toList();
    ExportWriteSupport<T> support = new ExportWriteSupport<>(schema, new Schema.Parser().parse(avroSchemaJson), dictionaryColumns);
    ParquetCompression codec = compression;
    ParquetBuilder<T> builder =
        file -> {
          Builder<T> b =
              new Builder<>(file, support)
                  .withCompressionCodec(codec.codec())
                  .withRowGroupSize(ROW_GROUP_BYTES)
                  .withDictionaryEncoding(false)
                  // page size histograms (Parquet 1.14+ metadata) cost a call per value, no reader here uses them
                  .withSizeStatisticsEnabled(false);
          for (String c : dictionaryColumns) b = b.withDictionaryEncoding(c, true);
          // min/max of unique ids and JSON tags prune nothing and cost two comparisons per value
          for (String c : uniqueTextColumns) b = b.withStatisticsEnabled(c, false);
          return b.build();
        };
    return new ParquetWriterFactory<>(builder).create(out);
  }

  /**
   * Dictionary encoding only for text columns that repeat (provider, model, project, ...): for
   * unique ids, numbers and timestamps it costs CPU on every value and then falls back anyway.
   */
  static <T> List<String> dictionaryColumns(ExportSchema<T> schema) {
    return schema.columns().stream()
        .filter(c -> c.type() == ColumnType.STRING)
        .map(ExportColumn::name)
        .filter(n -> !UNIQUE_TEXT_COLUMNS.contains(n))
        .toList();
  }

  /** A {@link ParquetWriter} builder for a given write support. */
  private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
    private final WriteSupport<T> support;

    Builder(OutputFile file, WriteSupport<T> support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder<T> self() {
      return this;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
      return support;
    }
  }
}
