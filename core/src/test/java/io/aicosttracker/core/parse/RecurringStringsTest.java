package io.aicosttracker.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecurringStringsTest {

  @Test
  void aValueSeenBeforeComesBackAsTheSameInstanceFromBytesCharsOrStrings() {
    RecurringStrings t = new RecurringStrings();
    byte[] b = "xx openai yy".getBytes(StandardCharsets.UTF_8);
    String first = t.fromUtf8(b, 3, 6);
    assertThat(first).isEqualTo("openai");
    assertThat(t.fromUtf8(b, 3, 6)).isSameAs(first);
    assertThat(t.fromChars("[openai]".toCharArray(), 1, 6)).isSameAs(first);
    assertThat(t.utf8(new String("openai".toCharArray()))).containsExactly("openai".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void differentBytesNeverShareAnEntry() {
    RecurringStrings t = new RecurringStrings();
    // "Aa" and "BB" have the same String.hashCode, so they land in the same slot
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(t.fromUtf8(ascii("Aa"), 0, 2)).isEqualTo("Aa");
    assertThat(t.fromUtf8(ascii("BB"), 0, 2)).isEqualTo("BB");
    assertThat(t.fromChars("Aa".toCharArray(), 0, 2)).isEqualTo("Aa");
    assertThat(t.utf8("BB")).containsExactly(ascii("BB"));
    assertThat(t.utf8("Aa")).containsExactly(ascii("Aa"));
  }

  @Test
  void randomTextRoundTripsExactlyThroughEveryEntryPoint() throws Exception {
    RecurringStrings t = new RecurringStrings();
    SplittableRandom r = new SplittableRandom(5);
    String alphabet = "ab\u00e9\u20ac\u4e2d\"\\";
    String[] pool = new String[5_000];
    for (int i = 0; i < pool.length; i++) {
      StringBuilder sb = new StringBuilder();
      int n = i % 50 == 0 ? 65 + r.nextInt(20) : r.nextInt(12);
      for (int k = 0; k < n; k++) {
        if (r.nextInt(8) == 0) sb.appendCodePoint(0x1F600 + r.nextInt(10));
        else sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      pool[i] = sb.toString();
    }
    for (int i = 0; i < 50_000; i++) {
      String s = pool[r.nextInt(pool.length)];
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      assertThat(t.utf8(s)).containsExactly(utf8);
      byte[] padded = new byte[utf8.length + 4];
      System.arraycopy(utf8, 0, padded, 2, utf8.length);
      assertThat(t.fromUtf8(padded, 2, utf8.length)).isEqualTo(s);
      assertThat(t.fromChars(("<" + s + ">").toCharArray(), 1, s.length())).isEqualTo(s);
      assertThat(t.read(new DataInputStream(new ByteArrayInputStream(utf8)), utf8.length)).isEqualTo(s);
    }
  }

  @Test
  void eachThreadHasItsOwnTable() throws Exception {
    RecurringStrings mine = RecurringStrings.forThread();
    RecurringStrings[] other = new RecurringStrings[1];
    Thread thread = new Thread(() -> other[0] = RecurringStrings.forThread());
    thread.start();
    thread.join();
    assertThat(RecurringStrings.forThread()).isSameAs(mine);
    assertThat(other[0]).isNotNull().isNotSameAs(mine);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
