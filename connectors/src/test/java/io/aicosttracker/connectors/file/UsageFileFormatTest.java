package io.aicosttracker.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.connectors.records.ParsedRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.junit.jupiter.api.Test;

class UsageFileFormatTest {
  private static final String EVENT =
      "{\"event_id\":\"%s\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"project\":\"p\",\"source\":\"api\"}";

  private static List<ParsedRecord> read(byte[] content, boolean csv, int maxBytes) throws Exception {
    UsageFileFormat format = new UsageFileFormat("events.x", csv, maxBytes, Long.MAX_VALUE / 4);
    StreamFormat.Reader<ParsedRecord> reader = format.createReader(new Configuration(), new BytesInput(content));
    List<ParsedRecord> out = new ArrayList<>();
    ParsedRecord r;
    while ((r = reader.read()) != null) out.add(r);
    reader.close();
    return out;
  }

  @Test
  void jsonLinesWithLineNumbersBlankLinesCrlfAndGarbage() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes((String.format(EVENT, "a") + "\r\n").getBytes(StandardCharsets.UTF_8));
    b.writeBytes("\n   \n".getBytes(StandardCharsets.UTF_8));
    b.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41, '\n'});
    b.writeBytes(("{\"event_id\":\"b\"}\n" + String.format(EVENT, "c")).getBytes(StandardCharsets.UTF_8)); // no final newline
    List<ParsedRecord> records = read(b.toByteArray(), false, 4096);

    assertThat(records).hasSize(4);
    assertThat(records.get(0).event.eventId).isEqualTo("a");
    assertThat(records.get(1).deadLetter.line).isEqualTo(4);
    assertThat(records.get(1).deadLetter.file).isEqualTo("events.x");
    assertThat(records.get(1).deadLetter.rawBase64).isTrue();
    assertThat(Base64.getDecoder().decode(records.get(1).deadLetter.raw)).containsExactly(0xff, 0xfe, 0x00, 0x41);
    assertThat(records.get(2).deadLetter.line).isEqualTo(5);
    assertThat(records.get(2).deadLetter.error).isEqualTo("missing required field 'timestamp'");
    assertThat(records.get(2).deadLetter.raw).isEqualTo("{\"event_id\":\"b\"}");
    assertThat(records.get(3).event.eventId).isEqualTo("c");
  }

  @Test
  void overlongLineIsDeadLetteredAndReadingContinues() throws Exception {
    String longLine = "{\"event_id\":\"" + "x".repeat(10_000) + "\"}";
    byte[] content = (longLine + "\n" + String.format(EVENT, "after") + "\n").getBytes(StandardCharsets.UTF_8);
    List<ParsedRecord> records = read(content, false, 2048);
    assertThat(records).hasSize(2);
    assertThat(records.get(0).deadLetter.error).isEqualTo("record exceeds the limit of 2048 bytes");
    assertThat(records.get(0).deadLetter.raw.length()).isLessThanOrEqualTo(2049);
    assertThat(records.get(1).event.eventId).isEqualTo("after");
  }

  @Test
  void csvWithHeaderQuotedNewlinesAndBadRows() throws Exception {
    String csv =
        "event_id,timestamp,provider,model,project,input_tokens,source,tags\n"
            + "c1,2026-11-01T10:00:00+02:00,openai,gpt-4o,\"proj, with comma\",10,api,\"{\"\"k\"\":\"\"v\"\"}\"\n"
            + "c2,2026-11-01T10:00:00Z,openai,gpt-4o,\"multi\nline\",5,manual,\n"
            + "c3,2026-11-01T10:00:00Z,openai,gpt-4o,p,-1,api,\n"
            + "c4,2026-11-01T10:00:00Z,openai\n";
    List<ParsedRecord> records = read(csv.getBytes(StandardCharsets.UTF_8), true, 4096);
    assertThat(records).hasSize(4);
    assertThat(records.get(0).event.project).isEqualTo("proj, with comma");
    assertThat(records.get(0).event.tagsJson).isEqualTo("{\"k\":\"v\"}");
    assertThat(records.get(1).event.project).isEqualTo("multi\nline");
    assertThat(records.get(2).deadLetter.line).isEqualTo(5);
    assertThat(records.get(2).deadLetter.error).isEqualTo("field 'input_tokens' must be an integer >= 0, got -1");
    assertThat(records.get(3).deadLetter.error).isEqualTo("CSV row has 3 cells, the header names 8");
  }

  /** An in-memory FSDataInputStream: the reader only needs read(). */
  private static final class BytesInput extends FSDataInputStream {
    private final byte[] data;
    private int pos;

    BytesInput(byte[] data) {
      this.data = data;
    }

    @Override
    public void seek(long desired) {
      pos = (int) desired;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= data.length) return -1;
      int n = Math.min(len, data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
