package io.aicosttracker.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer.CommitRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartFileCommitterTest {
  @TempDir Path dir;

  @Test
  void publishesAPartByRenamingIt() throws IOException {
    PendingPartFile part = pending("a");
    Files.writeString(Path.of(part.inProgress), "line\n");
    Request request = new Request(part);
    new PartFileCommitter().commit(List.of(request));
    assertThat(Path.of(part.inProgress)).doesNotExist();
    assertThat(Files.readString(Path.of(part.target))).isEqualTo("line\n");
    assertThat(request.outcome).isNull();
  }

  @Test
  void aRepeatedCommitAfterARestoreIsAlreadyDone() throws IOException {
    PendingPartFile part = pending("b");
    Files.writeString(Path.of(part.inProgress), "line\n");
    new PartFileCommitter().commit(List.of(new Request(part)));
    Request again = new Request(part);
    new PartFileCommitter().commit(List.of(again));
    assertThat(again.outcome).isEqualTo("already committed");
    assertThat(Files.readString(Path.of(part.target))).isEqualTo("line\n");
  }

  @Test
  void aPartGoneBeforeItsCommitFailsWithTheReason() throws IOException {
    Request request = new Request(pending("c"));
    new PartFileCommitter().commit(List.of(request));
    assertThat(request.outcome).startsWith("failed: part file ").contains(".part-c").endsWith("is gone before its commit");
  }

  @Test
  void committablesSurviveTheirSerializer() throws IOException {
    PendingPartFile part = new PendingPartFile("/out/2026-12-05--04/.part-x-0-0.jsonl.inprogress.y", "/out/2026-12-05--04/part-x-0-0.jsonl");
    PendingPartFile.Serializer serializer = PendingPartFile.Serializer.INSTANCE;
    PendingPartFile back = serializer.deserialize(serializer.getVersion(), serializer.serialize(part));
    assertThat(back.inProgress).isEqualTo(part.inProgress);
    assertThat(back.target).isEqualTo(part.target);
  }

  private PendingPartFile pending(String name) {
    return new PendingPartFile(dir.resolve(".part-" + name + ".jsonl.inprogress.1").toString(), dir.resolve("part-" + name + ".jsonl").toString());
  }

  /** Records what the committer signalled for one committable. */
  private static final class Request implements CommitRequest<PendingPartFile> {
    private final PendingPartFile part;
    String outcome;

    Request(PendingPartFile part) {
      this.part = part;
    }

    @Override
    public PendingPartFile getCommittable() {
      return part;
    }

    @Override
    public int getNumberOfRetries() {
      return 0;
    }

    @Override
    public void signalFailedWithKnownReason(Throwable t) {
      outcome = "failed: " + t.getMessage();
    }

    @Override
    public void signalFailedWithUnknownReason(Throwable t) {
      outcome = "failed (unknown): " + t.getMessage();
    }

    @Override
    public void retryLater() {
      outcome = "retry";
    }

    @Override
    public void updateAndRetryLater(PendingPartFile committable) {
      outcome = "retry";
    }

    @Override
    public void signalAlreadyCommitted() {
      outcome = "already committed";
    }
  }
}
