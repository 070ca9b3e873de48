package io.aicosttracker.connectors.export;

import io.aicosttracker.core.export.ExportColumn;
import io.aicosttracker.core.export.ExportSchema;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * The Avro schema (and so the Parquet schema) of an export: strings, int64 counts, double money,
 * and timestamps as {@code timestamp-millis} (Parquet {@code INT64 TIMESTAMP(MILLIS, UTC)}).
 * Columns that may be empty are unions with null.
 */
public final class AvroExportSchemas {
  private AvroExportSchemas() {}

  public static <T> Schema of(ExportSchema<T> schema) {
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record(schema.name()).namespace("io.aicosttracker.export").fields();
    for (ExportColumn<T> c : schema.columns()) {
      Schema type =
          switch (c.type()) {
            case STRING -> Schema.create(Schema.Type.STRING);
            case LONG -> Schema.create(Schema.Type.LONG);
            case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
            case TIMESTAMP -> LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
          };
      if (c.nullable()) {
        fields = fields.name(c.name()).type(Schema.createUnion(Schema.create(Schema.Type.NULL), type)).withDefault(null);
      } else {
        fields = fields.name(c.name()).type(type).noDefault();
      }
    }
    return fields.endRecord();
  }
}
