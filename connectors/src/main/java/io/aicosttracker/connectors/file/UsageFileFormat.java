package io.aicosttracker.connectors.file;

import io.aicosttracker.connectors.records.ParsedRecord;
import io.aicosttracker.connectors.records.RawText;
import io.aicosttracker.core.format.Csv;
import io.aicosttracker.core.parse.InvalidEventException;
import io.aicosttracker.core.parse.UsageEventParser;
import io.aicosttracker.core.records.DeadLetter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads one usage-event file (JSON lines or CSV with a header) and parses every record in the
 * source, emitting a valid event or a dead letter carrying the file name and line number.
 *
 * <p>One format instance per file (the label is the file name shown in dead letters). Lines are
 * read as bytes with a bounded length so a runaway line cannot exhaust memory; the overlong
 * remainder is skipped and the record dead-lettered. Whitespace-only lines are not records.
 */
public final class UsageFileFormat extends SimpleStreamFormat<ParsedRecord> {
  private static final long serialVersionUID = 1L;

  private final String fileLabel;
  private final boolean csv;
  private final int maxRecordBytes;
  private final long maxFutureMillis;

  public UsageFileFormat(String fileLabel, boolean csv, int maxRecordBytes, long maxFutureMillis) {
    this.fileLabel = fileLabel;
    this.csv = csv;
    this.maxRecordBytes = maxRecordBytes;
    this.maxFutureMillis = maxFutureMillis;
  }

  @Override
  public StreamFormat.Reader<ParsedRecord> createReader(Configuration config, FSDataInputStream stream) {
    UsageEventParser parser = new UsageEventParser(maxRecordBytes, maxFutureMillis, System::currentTimeMillis);
    return new Reader(stream, parser);
  }

  @Override
  public TypeInformation<ParsedRecord> getProducedType() {
    return io.aicosttracker.connectors.serialization.RecordTypes.PARSED_RECORD;
  }

  private final class Reader implements StreamFormat.Reader<ParsedRecord> {
    private final BoundedLineReader lines;
    private final UsageEventParser parser;
    private String[] csvHeader;

    Reader(InputStream in, UsageEventParser parser) {
      this.lines = new BoundedLineReader(in, maxRecordBytes);
      this.parser = parser;
    }

    @Override
    public ParsedRecord read() throws IOException {
      while (lines.next()) {
        if (lines.isBlank()) continue;
        long lineNo = lines.lineNumber();
        if (lines.isOverlong()) {
          return dead(lineNo, "record exceeds the limit of " + maxRecordBytes + " bytes", lines.buffer(), 0, lines.length());
        }
        return csv ? readCsv(lineNo) : readJson(lineNo);
      }
      return null;
    }

    private ParsedRecord readJson(long lineNo) {
      try {
        return ParsedRecord.ofEvent(parser.parseJson(lines.buffer(), 0, lines.length()));
      } catch (InvalidEventException e) {
        return dead(lineNo, e.getMessage(), lines.buffer(), 0, lines.length());
      }
    }

    private ParsedRecord readCsv(long lineNo) throws IOException {
      String record = new String(lines.buffer(), 0, lines.length(), StandardCharsets.UTF_8);
      // a quoted cell may hold line breaks: keep reading until the quotes balance
      while (Csv.hasOpenQuote(record) && record.length() <= maxRecordBytes && lines.next()) {
        record = record + "\n" + new String(lines.buffer(), 0, lines.length(), StandardCharsets.UTF_8);
      }
      byte[] raw = record.getBytes(StandardCharsets.UTF_8);
      if (csvHeader == null) {
        try {
          csvHeader = Csv.split(record.trim());
          for (int i = 0; i < csvHeader.length; i++) csvHeader[i] = csvHeader[i].trim();
          return read();
        } catch (IllegalArgumentException e) {
          throw new IOException(fileLabel + ": unreadable CSV header: " + e.getMessage());
        }
      }
      try {
        return ParsedRecord.ofEvent(parser.parseCsv(csvHeader, Csv.split(record)));
      } catch (IllegalArgumentException e) {
        return dead(lineNo, "malformed CSV: " + e.getMessage(), raw, 0, raw.length);
      } catch (InvalidEventException e) {
        return dead(lineNo, e.getMessage(), raw, 0, raw.length);
      }
    }

    private ParsedRecord dead(long lineNo, String error, byte[] bytes, int off, int len) {
      RawText raw = RawText.of(bytes, off, len);
      return ParsedRecord.ofDeadLetter(DeadLetter.fromFile(fileLabel, lineNo, error, raw.text(), raw.isBase64()));
    }

    @Override
    public void close() throws IOException {
      lines.close();
    }
  }
}
