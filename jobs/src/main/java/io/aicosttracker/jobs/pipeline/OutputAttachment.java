package io.aicosttracker.jobs.pipeline;

/**
 * Attaches sinks or further stages (files, JDBC, alerts, exports, ...) to the pipeline's outputs.
 *
 * <p>The batch and streaming jobs take a list of these, chosen by configuration, so each output
 * is written once and plugs into both jobs.
 */
@FunctionalInterface
public interface OutputAttachment {
  void attach(PipelineOutputs outputs);
}
