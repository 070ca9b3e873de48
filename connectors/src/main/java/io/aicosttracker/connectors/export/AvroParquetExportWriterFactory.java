package io.aicosttracker.connectors.export;

import io.aicosttracker.core.export.ColumnType;
import io.aicosttracker.core.export.ExportColumn;
import io.aicosttracker.core.export.ExportSchema;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.formats.parquet.ParquetBuilder;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.parquet.avro.AvroParquetWriter;

/**
 * Parquet files through parquet-avro's {@code AvroWriteSupport}: each row becomes a reused Avro
 * {@link GenericRecord} of the export's {@link AvroExportSchemas schema}.
 *
 * <p>The reference writer: exports use {@link ParquetExportWriterFactory}, which writes the same
 * file schema without the Avro layer (about 3x the rows per CPU-second); tests compare the two
 * files and {@code ExportBenchmark --formats parquet-avro} measures this one beside it.
 */
final class AvroParquetExportWriterFactory<T> implements BulkWriter.Factory<T> {
  private static final long serialVersionUID = 1L;
  static final long ROW_GROUP_BYTES = ParquetExportWriterFactory.ROW_GROUP_BYTES;

  private final ExportSchema<T> schema;
  private final String avroSchemaJson; // Avro Schema is not serializable in every version
  private final ParquetCompression compression;

  AvroParquetExportWriterFactory(ExportSchema<T> schema, ParquetCompression compression) {
    this.schema = schema;
    this.avroSchemaJson = AvroExportSchemas.of(schema).toString();
    this.compression = compression;
  }

  @Override
  public BulkWriter<T> create(FSDataOutputStream out) throws IOException {
    String json = avroSchemaJson;
    ParquetCompression codec = compression;
    List<String> dictionaryColumns = ParquetExportWriterFactory.dictionaryColumns(schema);
    ParquetBuilder<GenericRecord> builder =
        file -> {
          AvroParquetWriter.Builder<GenericRecord> b =
              AvroParquetWriter.<GenericRecord>builder(file)
                  .withSchema(new Schema.Parser().parse(json))
                  .withDataModel(GenericData.get())
                  .withCompressionCodec(codec.codec())
                  .withRowGroupSize(ROW_GROUP_BYTES)
                  .withDictionaryEncoding(false);
          for (String c : dictionaryColumns) b = b.withDictionaryEncoding(c, true);
          return b.build();
        };
    BulkWriter<GenericRecord> parquet = new ParquetWriterFactory<>(builder).create(out);
    return new RowWriter<>(parquet, schema.columns(), new Schema.Parser().parse(json));
  }

  /** Copies each row into one reused record; the Parquet writer consumes it synchronously. */
  private static final class RowWriter<T> implements BulkWriter<T> {
    private final BulkWriter<GenericRecord> parquet;
    private final List<ExportColumn<T>> columns;
    private final GenericData.Record record;

    RowWriter(BulkWriter<GenericRecord> parquet, List<ExportColumn<T>> columns, Schema avro) {
      this.parquet = parquet;
      this.columns = columns;
      this.record = new GenericData.Record(avro);
    }

    @Override
    public void addElement(T element) throws IOException {
      for (int i = 0; i < columns.size(); i++) record.put(i, columns.get(i).get(element));
      parquet.addElement(record);
    }

    @Override
    public void flush() throws IOException {
      parquet.flush();
    }

    @Override
    public void finish() throws IOException {
      parquet.finish();
    }
  }
}
