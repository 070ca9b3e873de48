package io.aicosttracker.jobs;

import io.aicosttracker.jobs.config.CostTrackerConfig;
import io.aicosttracker.jobs.functions.PipelineCounters;
import io.aicosttracker.jobs.pipeline.RunSummary;
import io.aicosttracker.jobs.sinks.FileOutputs;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code cost-tracker run --kafka ...}: the streaming job on an in-process MiniCluster until
 * Ctrl-C or until no record arrived for {@code --until-idle}.
 *
 * <p>Idle stop = finish: stop with a savepoint that drains (the final watermark fires every
 * open window, so the files hold all aggregates). Ctrl-C = suspend: stop with a savepoint that
 * keeps open windows in state; the printed path resumes the job with
 * {@code --set checkpoints.restore-from=PATH}.
 */
public final class LocalStreamingRun {
  private static final long POLL_MILLIS = 500;

  private final CostTrackerConfig config;
  private final Duration untilIdle;
  private final PrintStream log;

  public LocalStreamingRun(CostTrackerConfig config, Duration untilIdle, PrintStream log) {
    this.config = config;
    this.untilIdle = untilIdle;
    this.log = log;
  }

  public RunSummary run() throws Exception {
    Path out = Path.of(config.output.dir);
    if (config.checkpoints.dir == null) config.checkpoints.dir = out.resolve("checkpoints").toAbsolutePath().toString();
    int parallelism = config.job.parallelism == null ? 2 : config.job.parallelism;
    Configuration conf = CostTrackerJob.flinkConfiguration(config);
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(256));
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
    // accumulators of a running job travel with heartbeats: 1 s makes --until-idle responsive
    conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);

    long start = System.nanoTime();
    JobClient job = CostTrackerJob.fromConfig(config).executeAsync(env, config.job.name);
    String savepoints = CostTrackerJob.uri(config.checkpoints.dir) + "/savepoints";
    log.printf("streaming from %s topic %s (job %s); outputs in %s%n",
        config.kafka.bootstrapServers, config.kafka.topic, job.getJobID(), out.toAbsolutePath());
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> suspend(job, savepoints, done), "cost-tracker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      waitUntilIdleOrEnd(job, savepoints);
      JobExecutionResult result = job.getJobExecutionResult().get();
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      return RunSummary.of(result, out.resolve(FileOutputs.DAILY), elapsed);
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waits for this method to finish
      }
    }
  }

  private void waitUntilIdleOrEnd(JobClient job, String savepoints) throws Exception {
    long lastRead = -1;
    long lastChange = System.nanoTime();
    // a local MiniCluster shuts down with its job: watch the result future, not the cluster
    var result = job.getJobExecutionResult();
    while (!result.isDone()) {
      Thread.sleep(POLL_MILLIS);
      if (untilIdle == null) continue;
      long read = running(job) ? read(job) : -1;
      // the idle clock runs only while the job runs and reports counts (not during start-up)
      if (read != lastRead || read < 0) {
        lastRead = read;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange >= untilIdle.toNanos()) {
        log.printf("no new records for %d s: draining and stopping ...%n", untilIdle.toSeconds());
        String path = job.stopWithSavepoint(true, savepoints, SavepointFormatType.CANONICAL).get(5, TimeUnit.MINUTES);
        log.println("final savepoint " + path);
        return;
      }
    }
  }

  private static boolean running(JobClient job) {
    try {
      return job.getJobStatus().get(10, TimeUnit.SECONDS) == JobStatus.RUNNING;
    } catch (Exception e) {
      return false; // finished or shutting down
    }
  }

  private static long read(JobClient job) {
    try {
      Map<String, Object> acc = job.getAccumulators().get(10, TimeUnit.SECONDS);
      Object v = acc.get(PipelineCounters.READ);
      return v == null ? -1 : ((Number) v).longValue();
    } catch (Exception e) {
      return -1; // not yet running; try again on the next poll
    }
  }

  /** Ctrl-C: keep the job's state in a savepoint (open windows included) so it can resume. */
  private void suspend(JobClient job, String savepoints, CountDownLatch done) {
    try {
      if (job.getJobExecutionResult().isDone()) return;
      log.println("stopping with a savepoint ...");
      String path = job.stopWithSavepoint(false, savepoints, SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);
      log.println("stopped; resume with: --set checkpoints.restore-from=" + path);
      done.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.println("could not stop with a savepoint (" + e.getMessage() + "); the latest checkpoint is under " + config.checkpoints.dir);
    }
  }
}
