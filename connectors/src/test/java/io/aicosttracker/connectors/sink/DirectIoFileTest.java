package io.aicosttracker.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectIoFileTest {
  private static final int BUFFER = 8192;

  @TempDir Path dir;

  /** Lengths around the block and buffer edges, where padding, truncation and hand-over happen. */
  private static final int[] LENGTHS = {0, 1, 4095, 4096, 4097, BUFFER - 1, BUFFER, BUFFER + 1, 5 * BUFFER + 123, 40 * BUFFER};

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void writesExactlyTheBytesGivenWhateverTheLength(boolean tryDirect) throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    for (int length : LENGTHS) {
      Path file = dir.resolve("f-" + tryDirect + "-" + length);
      byte[] expected = new byte[length];
      for (int i = 0; i < length; i++) expected[i] = (byte) random.nextInt(256);
      try (DirectIoFile out = DirectIoFile.create(file, BUFFER, tryDirect)) {
        // uneven pieces, single bytes among them, so writes straddle the buffer edge
        int off = 0;
        while (off < length) {
          int n = Math.min(length - off, random.nextInt(1, 3000));
          if (n == 1) out.write(expected[off]);
          else out.write(expected, off, n);
          off += n;
        }
        assertThat(out.length()).isEqualTo(length);
      }
      assertThat(Files.readAllBytes(file)).as("length %d", length).isEqualTo(expected);
    }
  }

  @Test
  void bypassesThePageCacheOnADiskFileSystem() throws IOException {
    String type = Files.getFileStore(dir).type();
    Path file = dir.resolve("direct");
    try (DirectIoFile out = DirectIoFile.create(file)) {
      out.write(new byte[100]);
      if (Set.of("ext4", "xfs", "btrfs").contains(type)) assertThat(out.isDirect()).as("on %s", type).isTrue();
    }
    assertThat(Files.size(file)).isEqualTo(100);
  }

  @Test
  void replacesAnEarlierFileOfTheSameName() throws IOException {
    Path file = dir.resolve("again");
    Files.write(file, new byte[50_000]);
    try (DirectIoFile out = DirectIoFile.create(file, BUFFER, true)) {
      out.write("short\n".getBytes());
    }
    assertThat(Files.readString(file)).isEqualTo("short\n");
  }

  @Test
  void closingTwiceKeepsTheFile() throws IOException {
    Path file = dir.resolve("twice");
    DirectIoFile out = DirectIoFile.create(file, BUFFER, true);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < 3000; i++) {
      byte[] line = ("{\"n\":" + i + "}\n").getBytes();
      out.write(line);
      expected.write(line);
    }
    out.close();
    out.close();
    assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
  }
}
