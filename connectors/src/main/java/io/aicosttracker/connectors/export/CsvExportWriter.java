package io.aicosttracker.connectors.export;

import io.aicosttracker.core.export.ExportColumn;
import io.aicosttracker.core.export.ExportSchema;
import io.aicosttracker.core.export.SpreadsheetSafeCsv;
import io.aicosttracker.core.export.UtcTimestamps;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * Writes rows as RFC 4180 CSV (UTF-8, CRLF-free: records end with LF, header in every file).
 *
 * <p>Text cells are guarded against spreadsheet formula injection ({@link SpreadsheetSafeCsv})
 * unless the factory turns that off; numbers and timestamps are written as they are. Null is an
 * empty cell.
 */
final class CsvExportWriter<T> implements BulkWriter<T> {
  private final List<ExportColumn<T>> columns;
  private final boolean formulaGuard;
  private final BufferedWriter out;
  private final StringBuilder row = new StringBuilder(512);
  private final UtcTimestamps timestamps = new UtcTimestamps();

  CsvExportWriter(FSDataOutputStream stream, ExportSchema<T> schema, boolean formulaGuard) throws IOException {
    this.columns = schema.columns();
    this.formulaGuard = formulaGuard;
    // the sink's stream is unbuffered on local disks; FileSink closes it, we only flush
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) row.append(',');
      SpreadsheetSafeCsv.appendQuoted(row, columns.get(i).name());
    }
    out.append(row).append('\n');
  }

  @Override
  public void addElement(T element) throws IOException {
    row.setLength(0);
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) row.append(',');
      ExportColumn<T> c = columns.get(i);
      Object v = c.get(element);
      if (v == null) continue;
      switch (c.type()) {
        case STRING -> {
          String s = (String) v;
          SpreadsheetSafeCsv.appendQuoted(row, formulaGuard ? SpreadsheetSafeCsv.guard(s) : s);
        }
        case LONG -> row.append(((Long) v).longValue());
        case DOUBLE -> row.append(((Double) v).doubleValue());
        case TIMESTAMP -> row.append(timestamps.format((Long) v));
      }
    }
    out.append(row).append('\n');
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }
}
