package io.aicosttracker.connectors.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.aicosttracker.core.export.ExportColumn;
import io.aicosttracker.core.export.ExportSchema;
import io.aicosttracker.core.export.UtcTimestamps;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * Writes rows as JSON lines: one object per line, every column present (null when empty),
 * numbers as JSON numbers and timestamps as ISO-8601 UTC strings.
 */
final class JsonLinesExportWriter<T> implements BulkWriter<T> {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final List<ExportColumn<T>> columns;
  private final JsonGenerator g;
  private final UtcTimestamps timestamps = new UtcTimestamps();

  JsonLinesExportWriter(FSDataOutputStream stream, ExportSchema<T> schema) throws IOException {
    this.columns = schema.columns();
    this.g = FACTORY.createGenerator(stream); // UTF-8, buffered by Jackson
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.setRootValueSeparator(null);
  }

  @Override
  public void addElement(T element) throws IOException {
    g.writeStartObject();
    for (int i = 0; i < columns.size(); i++) {
      ExportColumn<T> c = columns.get(i);
      Object v = c.get(element);
      g.writeFieldName(c.name());
      if (v == null) {
        g.writeNull();
        continue;
      }
      switch (c.type()) {
        case STRING -> g.writeString((String) v);
        case LONG -> g.writeNumber(((Long) v).longValue());
        case DOUBLE -> g.writeNumber(((Double) v).doubleValue());
        case TIMESTAMP -> g.writeString(timestamps.format((Long) v));
      }
    }
    g.writeEndObject();
    g.writeRaw('\n');
  }

  @Override
  public void flush() throws IOException {
    g.flush();
  }

  @Override
  public void finish() throws IOException {
    g.flush();
  }
}
