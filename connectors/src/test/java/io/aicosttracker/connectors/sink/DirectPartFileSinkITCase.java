package io.aicosttracker.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DirectPartFileSinkITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final TextFileSinks.RecordWriter<Long> LINE =
      (n, out) -> out.write(("{\"n\":" + n + ",\"pad\":\"" + "x".repeat((int) (n % 97)) + "\"}\n").getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;

  @Test
  void aBatchJobPublishesEveryRecordOnceInVisiblePartFiles() throws Exception {
    int records = 300_000; // ~25 MB: several buffers per subtask, with a partial last block
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    env.setParallelism(2);
    env.fromSequence(1, records).sinkTo(new DirectPartFileSink<>(dir, LINE, ".jsonl"));
    env.execute("direct part files");

    List<Path> files = files(dir);
    assertThat(files).isNotEmpty().allSatisfy(f -> {
      assertThat(f.getFileName().toString()).matches("part-[0-9a-f-]{36}-[01]-\\d+\\.jsonl");
      assertThat(f.getParent().getFileName().toString()).matches("\\d{4}-\\d{2}-\\d{2}--\\d{2}");
    });
    assertThat(files.stream().map(f -> f.getFileName().toString().split("-")[6]).distinct()).hasSize(2);
    List<Long> seen = new ArrayList<>();
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
      for (String line : Files.readAllLines(f)) {
        assertThat(line).endsWith("\"}");
        seen.add(Long.parseLong(line.substring(5, line.indexOf(','))));
      }
    }
    assertThat(seen).hasSize(records);
    assertThat(seen.stream().sorted().toList()).isEqualTo(LongStream.rangeClosed(1, records).boxed().toList());
    long expectedBytes = LongStream.rangeClosed(1, records).map(n -> ("{\"n\":" + n + ",\"pad\":\"\"}\n").length() + n % 97).sum();
    assertThat(bytes).isEqualTo(expectedBytes);
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.filter(p -> p.getFileName().toString().startsWith("."))).as("in-progress files left").isEmpty();
    }
  }

  @Test
  void aWriterClosedBeforeItsCommitLeavesNothingBehind() throws IOException {
    DirectPartFileWriter<Long> writer = new DirectPartFileWriter<>(dir, LINE, "part", ".jsonl", 0);
    for (long n = 0; n < 10_000; n++) writer.write(n, null);
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString())).singleElement().asString().startsWith(".part-");
    }
    writer.close();
    assertThat(files(dir)).isEmpty();
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void preparedPartsAreHandedOverOnceAndFinishedOnDisk() throws IOException {
    DirectPartFileWriter<Long> writer = new DirectPartFileWriter<>(dir, LINE, "part", ".jsonl", 3);
    for (long n = 0; n < 1_000; n++) writer.write(n, null);
    writer.flush(true);
    List<PendingPartFile> parts = new ArrayList<>(writer.prepareCommit());
    assertThat(parts).singleElement().satisfies(p -> {
      assertThat(Path.of(p.inProgress)).exists();
      assertThat(Path.of(p.inProgress).getFileName().toString()).startsWith(".part-").contains(".jsonl.inprogress.");
      assertThat(Path.of(p.target).getFileName().toString()).matches("part-[0-9a-f-]{36}-3-0\\.jsonl");
    });
    assertThat(Files.readAllLines(Path.of(parts.get(0).inProgress))).hasSize(1_000);
    assertThat(writer.prepareCommit()).isEmpty();
    writer.close();
    assertThat(Path.of(parts.get(0).inProgress)).as("a handed-over part is the committer's").exists();
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }
}
