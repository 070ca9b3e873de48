package io.aicosttracker.jobs.cli;

import org.apache.flink.client.program.StreamContextEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Tells whether {@code main()} was started by a Flink client ({@code flink run}, REST {@code /jars/run}). */
final class FlinkClientContext {
  private FlinkClientContext() {}

  /**
   * True when the client has installed its context environment, i.e. jobs go to a cluster and
   * this JVM (possibly the JobManager's) belongs to Flink, not to us.
   */
  static boolean isActive() {
    try {
      return StreamExecutionEnvironment.getExecutionEnvironment() instanceof StreamContextEnvironment;
    } catch (RuntimeException | LinkageError e) {
      return false; // no usable Flink client on the classpath: a plain local run
    }
  }
}
