package io.aicosttracker.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Rfc3339Test {
  @Test
  void formatsExactlyAsInstantToString() {
    Random r = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      // -62167219200000 is 0000-01-01, 253402300799999 is 9999-12-31T23:59:59.999
      long millis = -62_167_219_200_000L + (long) (r.nextDouble() * 315_569_520_000_000L);
      if (i % 3 == 0) millis -= Math.floorMod(millis, 1000); // whole seconds print no fraction
      assertThat(Rfc3339.formatMillis(millis)).isEqualTo(Instant.ofEpochMilli(millis).toString());
    }
    assertThat(Rfc3339.formatMillis(0)).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(Rfc3339.formatMillis(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
    assertThat(Rfc3339.formatMillis(253_402_300_800_000L)).isEqualTo("+10000-01-01T00:00:00Z");
  }

  @Test
  void agreesWithJavaTimeOnRandomInstantsAndOffsets() {
    Random r = new Random(7);
    DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    for (int i = 0; i < 20_000; i++) {
      long millis = (long) (r.nextDouble() * 4_102_444_800_000L); // 1970..2100
      int offsetMinutes = (r.nextInt(27 * 60) - 13 * 60) / 15 * 15;
      OffsetDateTime t = Instant.ofEpochMilli(millis).atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
      String s = t.format(f);
      assertThat(Rfc3339.parseMillis(s)).as(s).isEqualTo(OffsetDateTime.parse(s).toInstant().toEpochMilli());
    }
  }

  @Test
  void fractionsAreTruncatedToMillis() {
    assertThat(Rfc3339.parseMillis("2026-01-05T00:00:00.123456789Z")).isEqualTo(Instant.parse("2026-01-05T00:00:00.123Z").toEpochMilli());
    assertThat(Rfc3339.parseMillis("2026-01-05T00:00:00.5Z")).isEqualTo(Instant.parse("2026-01-05T00:00:00.500Z").toEpochMilli());
  }

  @Test
  void leapDayAndLowercase() {
    assertThat(Rfc3339.parseMillis("2028-02-29t12:00:00z")).isEqualTo(Instant.parse("2028-02-29T12:00:00Z").toEpochMilli());
    assertThatThrownBy(() -> Rfc3339.parseMillis("2027-02-29T12:00:00Z")).hasMessageContaining("day out of range");
  }

  @Test
  void rejectsWhatIsNotRfc3339WithOffset() {
    for (String bad :
        new String[] {"2026-01-05", "2026-01-05T00:00:00", "2026-01-05T24:00:00Z", "2026-13-05T00:00:00Z", "2026-01-05T00:00:00+2:00",
          "2026-01-05T00:00:00.Z", "2026-01-05T00:00:60Z", "2026-01-05T00:00:00Zjunk", "20260105T000000Z", "not a time at all!!"}) {
      assertThatThrownBy(() -> Rfc3339.parseMillis(bad)).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 3339");
    }
  }
}
