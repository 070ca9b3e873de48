package io.aicosttracker.connectors.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.core.export.ColumnType;
import io.aicosttracker.core.export.ExportSchema;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
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
}
