package io.aicosttracker.connectors.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import org.apache.flink.api.connector.sink2.Committer;

/**
 * Publishes finished part files by renaming them to their visible names. A commit repeated after
 * a restore finds the file already renamed and reports it as committed.
 */
final class PartFileCommitter implements Committer<PendingPartFile> {
  @Override
  public void commit(Collection<CommitRequest<PendingPartFile>> requests) throws IOException {
    for (CommitRequest<PendingPartFile> request : requests) {
      PendingPartFile part = request.getCommittable();
      Path from = Path.of(part.inProgress);
      Path to = Path.of(part.target);
      if (Files.exists(from)) {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      } else if (Files.exists(to)) {
        request.signalAlreadyCommitted();
      } else {
        request.signalFailedWithKnownReason(new IOException("part file " + from + " is gone before its commit"));
      }
    }
  }

  @Override
  public void close() {}
}
