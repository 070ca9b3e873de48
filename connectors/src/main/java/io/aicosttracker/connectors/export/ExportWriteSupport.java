package io.aicosttracker.connectors.export;

import io.aicosttracker.core.export.ColumnType;
import io.aicosttracker.core.export.ExportColumn;
import io.aicosttracker.core.export.ExportSchema;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes export rows straight to Parquet's {@link RecordConsumer}, column by column, with the file
 * schema parquet-avro would derive from {@link AvroExportSchemas} and the same
 * {@code parquet.avro.schema} key-value metadata, so Avro, DuckDB and Spark readers see exactly
 * the files the Avro writer made.
 *
 * <p>Why not {@code AvroWriteSupport}: per value it resolves the null union, looks up logical-type
 * conversions and re-encodes strings; here every column's type is known up front. Text of
 * dictionary columns (provider, model, project, ...) repeats, so its UTF-8 encoding is cached.
 */
final class ExportWriteSupport<T> extends WriteSupport<T> {
  /** Cached encodings per text column; beyond this many distinct values the cache starts over. */
  private static final int MAX_CACHED_VALUES = 4096;

  private final MessageType parquetSchema;
  private final Map<String, String> metadata;
  private final ExportColumn.Getter<T>[] getters;
  private final ColumnType[] types;
  private final boolean[] nullable;
  private final String[] names;
  private final Map<String, Binary>[] encodings;
  private RecordConsumer out;

  @SuppressWarnings("unchecked")
  ExportWriteSupport(ExportSchema<T> schema, Schema avroSchema, List<String> dictionaryColumns) {
    this.parquetSchema = new AvroSchemaConverter().convert(avroSchema);
    // as AvroWriteSupport writes them: AvroParquetReader then reads with this very schema
    this.metadata = Map.of("parquet.avro.schema", avroSchema.toString(), "writer.model.name", "avro");
    List<ExportColumn<T>> columns = schema.columns();
    int n = columns.size();
    getters = new ExportColumn.Getter[n];
    types = new ColumnType[n];
    nullable = new boolean[n];
    names = new String[n];
    encodings = new Map[n];
    for (int i = 0; i < n; i++) {
      ExportColumn<T> c = columns.get(i);
      getters[i] = c.getter();
      types[i] = c.type();
      nullable[i] = c.nullable();
      names[i] = c.name();
      if (dictionaryColumns.contains(c.name())) encodings[i] = new HashMap<>();
    }
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(parquetSchema, metadata);
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(parquetSchema, metadata);
  }

  @Override
  public String getName() {
    return "avro"; // the files are parquet-avro files (same schema and metadata)
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(T row) {
    out.startMessage();
    for (int i = 0; i < getters.length; i++) {
      Object v = getters[i].get(row);
      if (v == null) {
        if (!nullable[i]) throw new IllegalArgumentException("export column " + names[i] + " is required but empty");
        continue; // an optional field that is absent is null
      }
      out.startField(names[i], i);
      switch (types[i]) {
        case STRING -> out.addBinary(binary(i, (String) v));
        case LONG, TIMESTAMP -> out.addLong(((Number) v).longValue());
        case DOUBLE -> out.addDouble(((Number) v).doubleValue());
      }
      out.endField(names[i], i);
    }
    out.endMessage();
  }

  private Binary binary(int column, String s) {
    Map<String, Binary> cache = encodings[column];
    if (cache == null) return utf8(s);
    Binary b = cache.get(s);
    if (b == null) {
      if (cache.size() >= MAX_CACHED_VALUES) cache.clear();
      b = utf8(s);
      cache.put(s, b);
    }
    return b;
  }

  /**
   * Array-backed rather than {@link Binary#fromString}, whose ByteBuffer-backed values make the
   * dictionary's {@code equals} and the statistics' min/max comparisons several times slower.
   */
  private static Binary utf8(String s) {
    return Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
  }
}
