package io.aicosttracker.connectors.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aicosttracker.core.export.ColumnType;
import io.aicosttracker.core.export.ExportSchema;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.local.LocalDataOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writers alone: what lands in a file for numbers, text and nulls. */
class ExportWritersTest {
  record Row(String name, long count, double amount, long time, Double optional) {}

  static final ExportSchema<Row> SCHEMA =
      ExportSchema.<Row>builder("row", Row::time)
          .required("name", ColumnType.STRING, Row::name)
          .required("count", ColumnType.LONG, Row::count)
          .required("amount", ColumnType.DOUBLE, Row::amount)
          .required("time", ColumnType.TIMESTAMP, Row::time)
          .optional("optional", ColumnType.DOUBLE, Row::optional)
          .build();

  @TempDir Path tmp;

  private String write(ExportFormat format, boolean guard, Row... rows) throws Exception {
    File f = tmp.resolve("out." + format.extension()).toFile();
    try (LocalDataOutputStream out = new LocalDataOutputStream(f)) {
      BulkWriter<Row> w = ExportSinks.writerFactory(SCHEMA, format, ParquetCompression.SNAPPY, guard).create(out);
      for (Row r : rows) w.addElement(r);
      w.finish();
    }
    return Files.readString(f.toPath(), StandardCharsets.UTF_8);
  }

  @Test
  void csvGuardsTextButNotNegativeNumbers() throws Exception {
    String csv = write(ExportFormat.CSV, true, new Row("-cmd", -5, -1.25, 0, null), new Row("=1+1", 3, 2.5, 1000, 7.0));
    assertThat(csv).isEqualTo("name,count,amount,time,optional\n"
        + "'-cmd,-5,-1.25,1970-01-01T00:00:00.000Z,\n"
        + "'=1+1,3,2.5,1970-01-01T00:00:01.000Z,7.0\n");
  }

  @Test
  void csvWithoutTheGuardWritesTextAsItIs() throws Exception {
    assertThat(write(ExportFormat.CSV, false, new Row("=1+1", 1, 1.0, 0, null))).contains("\n=1+1,1,1.0,");
  }

  @Test
  void jsonLinesWriteNumbersAsNumbersAndNullsExplicitly() throws Exception {
    String json = write(ExportFormat.JSONL, true, new Row("=x", -5, -1.25, 0, null));
    assertThat(json).isEqualTo("{\"name\":\"=x\",\"count\":-5,\"amount\":-1.25,\"time\":\"1970-01-01T00:00:00.000Z\",\"optional\":null}\n");
  }

  @Test
  void avroSchemaTypesCountsMoneyAndUtcTimestamps() {
    Schema s = AvroExportSchemas.of(SCHEMA);
    assertThat(s.getField("count").schema().getType()).isEqualTo(Schema.Type.LONG);
    assertThat(s.getField("amount").schema().getType()).isEqualTo(Schema.Type.DOUBLE);
    assertThat(s.getField("time").schema().getLogicalType().getName()).isEqualTo("timestamp-millis");
    assertThat(s.getField("optional").schema().isNullable()).isTrue();
  }

  @Test
  void parquetFilesMatchTheParquetAvroWriterInSchemaMetadataAndRows() throws Exception {
    Row[] rows = {
      new Row("openai", 3, 0.0125, 1_788_220_800_123L, null),
      new Row("anthropic é中, \"quoted\"", -5, -1.25, 0, 7.0),
      new Row("openai", Long.MAX_VALUE, 1.0E-5, 1000, 0.0),
      new Row("", 0, 0.0, -1, null)
    };
    Path direct = writeParquet("direct.parquet", ExportSinks.writerFactory(SCHEMA, ExportFormat.PARQUET, ParquetCompression.SNAPPY, true), rows);
    Path avro = writeParquet("avro.parquet", new AvroParquetExportWriterFactory<>(SCHEMA, ParquetCompression.SNAPPY), rows);

    FileMetaData directMeta = footer(direct);
    FileMetaData avroMeta = footer(avro);
    assertThat(directMeta.getSchema()).isEqualTo(avroMeta.getSchema());
    assertThat(directMeta.getKeyValueMetaData().get("parquet.avro.schema"))
        .isEqualTo(avroMeta.getKeyValueMetaData().get("parquet.avro.schema"));
    assertThat(directMeta.getSchema().toString())
        .contains("required binary name (STRING)", "required int64 count", "required double amount",
            "required int64 time (TIMESTAMP(MILLIS,true))", "optional double optional");
    assertThat(readAvro(direct)).hasSize(rows.length).isEqualTo(readAvro(avro));
    assertThat(readAvro(direct).get(1)).contains("\"name\": \"anthropic é中, \\\"quoted\\\"\"", "\"optional\": 7.0");
  }

  @Test
  void parquetRefusesAnEmptyRequiredColumn() {
    assertThatThrownBy(() -> writeParquet("bad.parquet",
            ExportSinks.writerFactory(SCHEMA, ExportFormat.PARQUET, ParquetCompression.NONE, true), new Row(null, 1, 1.0, 0, null)))
        .hasMessage("export column name is required but empty");
  }

  private Path writeParquet(String name, BulkWriter.Factory<Row> factory, Row... rows) throws Exception {
    Path p = tmp.resolve(name);
    try (LocalDataOutputStream out = new LocalDataOutputStream(p.toFile())) {
      BulkWriter<Row> w = factory.create(out);
      for (Row r : rows) w.addElement(r);
      w.finish();
    }
    return p;
  }

  private static FileMetaData footer(Path p) throws Exception {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p))) {
      return r.getFooter().getFileMetaData();
    }
  }

  private static List<String> readAvro(Path p) throws Exception {
    List<String> out = new ArrayList<>();
    try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(p)).build()) {
      for (GenericRecord g = r.read(); g != null; g = r.read()) out.add(g.toString());
    }
    return out;
  }
}
