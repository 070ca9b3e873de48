package io.aicosttracker.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUsageSourceEstimateTest {
  @TempDir Path dir;

  @Test
  void estimatesEventsFromTheFilesSizes() throws Exception {
    Path a = Files.write(dir.resolve("a.jsonl"), new byte[400 * 1_000]);
    Path b = Files.write(dir.resolve("b.csv"), new byte[400 * 500 + 399]);
    assertThat(FileUsageSource.estimateEvents(List.of(a, b))).isEqualTo(1_500);
  }

  @Test
  void anUnreadableSizeMeansUnknown() throws Exception {
    Path a = Files.write(dir.resolve("a.jsonl"), new byte[4_000]);
    assertThat(FileUsageSource.estimateEvents(List.of(a, dir.resolve("gone.jsonl")))).isZero();
  }
}
