package io.aicosttracker.jobs.pipeline;

import io.aicosttracker.connectors.records.ParsedRecord;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Lets only valid events move the watermark; dead letters pass by unseen.
 *
 * <p>A dead letter's timestamp is not an event time (for Kafka it is the record's Kafka
 * timestamp, i.e. about "now"): fed to the generator, one malformed record in a backfill of old
 * events would push the watermark to the present and turn every following event late. Wrapped
 * around the idleness generator, a partition that receives only rejects also counts as idle.
 */
final class EventsOnlyWatermarks implements WatermarkGenerator<ParsedRecord> {
  private final WatermarkGenerator<ParsedRecord> inner;

  EventsOnlyWatermarks(WatermarkGenerator<ParsedRecord> inner) {
    this.inner = inner;
  }

  @Override
  public void onEvent(ParsedRecord record, long eventTimestamp, WatermarkOutput output) {
    if (record.event != null) inner.onEvent(record, eventTimestamp, output);
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    inner.onPeriodicEmit(output);
  }
}
