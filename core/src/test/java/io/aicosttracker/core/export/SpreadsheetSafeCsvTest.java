package io.aicosttracker.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetSafeCsvTest {
  @Test
  void formulaStartsGetAnApostropheAndRestoreExactly() {
    for (String v : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'x", "''x")) {
      String guarded = SpreadsheetSafeCsv.guard(v);
      assertThat(guarded).isEqualTo("'" + v);
      assertThat(SpreadsheetSafeCsv.restore(guarded)).isEqualTo(v);
    }
  }

  @Test
  void ordinaryTextIsUntouched() {
    for (String v : List.of("search", "gpt-4o", "a=b", "1-2", "", "東京")) {
      assertThat(SpreadsheetSafeCsv.guard(v)).isEqualTo(v);
      assertThat(SpreadsheetSafeCsv.restore(SpreadsheetSafeCsv.guard(v))).isEqualTo(v);
    }
  }

  @Test
  void quotesCellsWithDelimitersQuotesAndLineBreaks() {
    assertThat(SpreadsheetSafeCsv.appendQuoted(new StringBuilder(), "a,\"b\"\nc").toString()).isEqualTo("\"a,\"\"b\"\"\nc\"");
    assertThat(SpreadsheetSafeCsv.appendQuoted(new StringBuilder(), "plain").toString()).isEqualTo("plain");
  }

  @Test
  void timestampsAreFixedWidthIsoUtc() {
    UtcTimestamps t = new UtcTimestamps();
    for (String s : List.of("2026-09-01T00:00:00.000Z", "2026-12-31T23:59:59.999Z", "1969-12-31T23:59:59.001Z", "2024-02-29T12:34:56.078Z")) {
      assertThat(t.format(Instant.parse(s).toEpochMilli())).isEqualTo(s);
    }
    assertThat(UtcTimestamps.date(Instant.parse("2026-09-01T23:59:59Z").toEpochMilli())).isEqualTo("2026-09-01");
  }
}
