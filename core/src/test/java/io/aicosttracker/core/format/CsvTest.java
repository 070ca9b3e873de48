package io.aicosttracker.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotesOnlyWhatNeedsQuoting() {
    StringBuilder b = new StringBuilder();
    Csv.appendCell(b, "plain").append(',');
    Csv.appendCell(b, "a,b").append(',');
    Csv.appendCell(b, "say \"hi\"").append(',');
    Csv.appendCell(b, "two\nlines");
    assertThat(b.toString()).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"");
  }

  @Test
  void splitRoundTripsAppendCell() {
    String[] values = {"", "x", "a,b", "q\"uote", "multi\nline", "ünïcødé ✓", "=cmd()"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) b.append(',');
      Csv.appendCell(b, values[i]);
    }
    assertThat(Csv.split(b.toString())).containsExactly(values);
    assertThat(Csv.hasOpenQuote("a,\"b")).isTrue();
    assertThat(Csv.hasOpenQuote(b.toString())).isFalse();
  }

  @Test
  void malformedQuotes() {
    assertThatThrownBy(() -> Csv.split("a,\"b")).hasMessage("unterminated quoted CSV cell");
    assertThatThrownBy(() -> Csv.split("\"a\"b,c")).hasMessage("text after a closing quote in a CSV cell");
  }
}
