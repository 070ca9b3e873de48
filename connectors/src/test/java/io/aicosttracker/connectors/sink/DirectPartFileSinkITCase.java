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

  @Test
  void anHourChangeClosesThePartAndOpensOneInTheNextBucket() throws IOException {
    long[] now = {java.time.Instant.parse("2026-12-05T09:59:59Z").toEpochMilli()};
    DirectPartFileWriter<Long> writer = new DirectPartFileWriter<>(dir, LINE, "part", ".jsonl", 1, () -> now[0]);
    for (long n = 0; n < 500; n++) writer.write(n, null);
    now[0] += 2_000;
    for (long n = 500; n < 800; n++) writer.write(n, null);
    writer.flush(true);
    List<PendingPartFile> parts = new ArrayList<>(writer.prepareCommit());
    writer.close();
    assertThat(parts).hasSize(2);
    List<org.apache.flink.api.connector.sink2.Committer.CommitRequest<PendingPartFile>> requests = new ArrayList<>();
    for (PendingPartFile p : parts) requests.add(new CommitAll(p));
    new PartFileCommitter().commit(requests);
    java.time.format.DateTimeFormatter hour = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd--HH").withZone(java.time.ZoneId.systemDefault());
    Path first = Path.of(parts.get(0).target);
    Path second = Path.of(parts.get(1).target);
    assertThat(first.getParent().getFileName().toString()).isEqualTo(hour.format(java.time.Instant.parse("2026-12-05T09:59:59Z")));
    assertThat(second.getParent().getFileName().toString()).isEqualTo(hour.format(java.time.Instant.parse("2026-12-05T10:00:01Z")));
    assertThat(first.getFileName().toString()).endsWith("-1-0.jsonl");
    assertThat(second.getFileName().toString()).endsWith("-1-1.jsonl");
    assertThat(Files.readAllLines(first)).hasSize(500).first().isEqualTo("{\"n\":0,\"pad\":\"\"}");
    assertThat(Files.readAllLines(second)).hasSize(300).first().asString().startsWith("{\"n\":500,");
  }

  /** A commit request that expects to succeed. */
  private record CommitAll(PendingPartFile getCommittable) implements org.apache.flink.api.connector.sink2.Committer.CommitRequest<PendingPartFile> {
    @Override
    public int getNumberOfRetries() {
      return 0;
    }

    @Override
    public void signalFailedWithKnownReason(Throwable t) {
      throw new AssertionError(t);
    }

    @Override
    public void signalFailedWithUnknownReason(Throwable t) {
      throw new AssertionError(t);
    }

    @Override
    public void retryLater() {
      throw new AssertionError("retry");
    }

    @Override
    public void updateAndRetryLater(PendingPartFile committable) {
      throw new AssertionError("retry");
    }

    @Override
    public void signalAlreadyCommitted() {
      throw new AssertionError("already committed");
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }
}
