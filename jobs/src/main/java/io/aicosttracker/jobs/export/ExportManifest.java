package io.aicosttracker.jobs.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicosttracker.connectors.export.AvroExportSchemas;
import io.aicosttracker.connectors.export.ExportFormat;
import io.aicosttracker.core.export.ExportColumn;
import io.aicosttracker.core.export.ExportSchema;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.Path;

/**
 * The {@code _manifest.json} of a snapshot, written after the job completed: dataset, format,
 * columns, filters, row count and row-time range, and per file its path, rows, bytes and SHA-256.
 *
 * <p>Each file is read back to checksum it and count its rows (Parquet from the footer, CSV and
 * JSON lines by records), and the sum must equal the rows the job counted: a snapshot whose files
 * do not add up gets no manifest. Readers should trust a snapshot only when its manifest exists.
 */
public final class ExportManifest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One written file. */
  public record FileEntry(String path, long rows, long bytes, String sha256) {}

  private ExportManifest() {}

  /** Reads every completed file of the snapshot and describes it. */
  public static List<FileEntry> describeFiles(ExportDestination dest, ExportFormat format) throws IOException {
    List<FileEntry> entries = new java.util.ArrayList<>();
    for (FileStatus f : dest.completedFiles()) {
      Path p = f.getPath();
      MessageDigest sha = sha256();
      RecordCounter counter = new RecordCounter(format);
      long bytes = 0;
      try (InputStream in = dest.fileSystem().open(p)) {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
          sha.update(buf, 0, n);
          counter.accept(buf, n);
          bytes += n;
        }
      }
      long rows = format == ExportFormat.PARQUET ? parquetRows(dest, p, bytes) : counter.records();
      entries.add(new FileEntry(dest.relative(p), rows, bytes, HexFormat.of().formatHex(sha.digest())));
    }
    return entries;
  }

  /** The manifest JSON text. */
  public static String toJson(
      ExportSpec spec,
      ExportSchema<?> schema,
      long rows,
      Double costUsd,
      Long minRowTime,
      Long maxRowTime,
      List<FileEntry> files,
      Instant createdAt) {
    ObjectNode m = JSON.createObjectNode();
    m.put("manifest_version", 1);
    m.put("dataset", spec.dataset().id());
    m.put("format", spec.format().extension());
    m.put("schema", spec.schema().id());
    if (spec.format() == ExportFormat.PARQUET) m.put("compression", spec.compression().name().toLowerCase(Locale.ROOT));
    if (spec.format() == ExportFormat.CSV) m.put("csv_formula_guard", spec.csvFormulaGuard());
    m.put("created_at", createdAt.toString());
    ObjectNode filters = m.putObject("filters");
    filters.put("from", spec.filter().from() == null ? null : spec.filter().from().toString());
    filters.put("until", spec.filter().until() == null ? null : spec.filter().until().toString());
    ArrayNode projects = filters.putArray("projects");
    spec.filter().projects().stream().sorted().forEach(projects::add);
    filters.put("source", spec.filter().source());
    m.put("rows", rows);
    // null for datasets without a cost to total (alerts, forecasts)
    m.put("total_cost_usd", costUsd);
    ObjectNode range = m.putObject("row_time_range");
    range.put("min", minRowTime == null ? null : Instant.ofEpochMilli(minRowTime).toString());
    range.put("max", maxRowTime == null ? null : Instant.ofEpochMilli(maxRowTime).toString());
    ArrayNode columns = m.putArray("columns");
    for (ExportColumn<?> c : schema.columns()) {
      ObjectNode col = columns.addObject();
      col.put("name", c.name());
      col.put("type", c.type().name().toLowerCase(Locale.ROOT));
      col.put("nullable", c.nullable());
    }
    if (spec.format() == ExportFormat.PARQUET) m.put("avro_schema", AvroExportSchemas.of(schema).toString());
    Map<String, Long> byPartition = new TreeMap<>();
    long bytes = 0;
    ArrayNode fileArray = m.putArray("files");
    for (FileEntry f : files) {
      ObjectNode fn = fileArray.addObject();
      fn.put("path", f.path());
      fn.put("rows", f.rows());
      fn.put("bytes", f.bytes());
      fn.put("sha256", f.sha256());
      byPartition.merge(f.path().substring(0, f.path().indexOf('/')), f.rows(), Long::sum);
      bytes += f.bytes();
    }
    m.put("total_bytes", bytes);
    ArrayNode partitions = m.putArray("partitions");
    byPartition.forEach((dt, n) -> partitions.addObject().put("path", dt).put("rows", n));
    try {
      return JSON.writeValueAsString(m) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Row count from the Parquet footer (last 8 bytes: footer length, "PAR1"). */
  private static long parquetRows(ExportDestination dest, Path p, long length) throws IOException {
    try (FSDataInputStream in = dest.fileSystem().open(p)) {
      byte[] tail = new byte[8];
      in.seek(length - 8);
      readFully(in, tail);
      int footerLength = (tail[0] & 0xff) | (tail[1] & 0xff) << 8 | (tail[2] & 0xff) << 16 | (tail[3] & 0xff) << 24;
      in.seek(length - 8 - footerLength);
      return org.apache.parquet.format.Util.readFileMetaData(in).getNum_rows();
    }
  }

  private static void readFully(InputStream in, byte[] b) throws IOException {
    int off = 0;
    while (off < b.length) {
      int n = in.read(b, off, b.length - off);
      if (n < 0) throw new IOException("unexpected end of file");
      off += n;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts records of CSV (newlines outside quotes, minus the header) and JSON lines (newlines). */
  private static final class RecordCounter {
    private final ExportFormat format;
    private long newlines;
    private boolean inQuotes;

    RecordCounter(ExportFormat format) {
      this.format = format;
    }

    void accept(byte[] buf, int n) {
      if (format == ExportFormat.PARQUET) return;
      boolean csv = format == ExportFormat.CSV;
      for (int i = 0; i < n; i++) {
        byte b = buf[i];
        if (csv && b == '"') inQuotes = !inQuotes;
        else if (b == '\n' && !inQuotes) newlines++;
      }
    }

    long records() {
      return format == ExportFormat.CSV ? Math.max(0, newlines - 1) : newlines;
    }
  }
}
