package io.aicosttracker.jobs.sinks;

import io.aicosttracker.connectors.sink.TextFileSinks;
import io.aicosttracker.core.format.ForecastJson;
import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.jobs.pipeline.ForecastStage;
import io.aicosttracker.jobs.pipeline.OutputAttachment;
import io.aicosttracker.jobs.pipeline.PipelineOutputs;
import java.nio.file.Path;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Forecasts recomputed per event-time day from the daily aggregates, written as JSON lines to {@code DIR/forecasts/}. */
public final class ForecastOutputs implements OutputAttachment {
  public static final String FORECASTS = "forecasts";

  private final Path dir;
  private final int[] horizons;

  public ForecastOutputs(Path dir, int[] horizons) {
    this.dir = dir;
    this.horizons = horizons.clone();
  }

  @Override
  public void attach(PipelineOutputs outputs) {
    writeFiles(ForecastStage.build(outputs.daily(), horizons), dir);
  }

  /** Writes {@code forecasts} as JSON lines under {@code dir/forecasts/}. */
  public static void writeFiles(DataStream<Forecast> forecasts, Path dir) {
    forecasts
        .sinkTo(TextFileSinks.<Forecast>jsonLines(dir.resolve(FORECASTS), ForecastJson::write))
        .uid("sink-forecast-files")
        .name("forecast files");
  }
}
