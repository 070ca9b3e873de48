package io.aicosttracker.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.aicosttracker.core.forecast.Forecast;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/** Writes forecasts as JSON lines, snake_case names, absent numbers as null, with the daily path. */
public final class ForecastJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ForecastJson() {}

  /** Writes one forecast as a JSON object followed by a newline. */
  public static void write(Forecast f, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("scope", f.scope);
      g.writeStringField("status", f.status);
      g.writeStringField("forecast_model", f.forecastModel);
      g.writeStringField("origin_date", f.originDate);
      g.writeNumberField("history_days", f.historyDays);
      g.writeNumberField("horizon_days", f.horizonDays);
      number(g, "expected_total_usd", f.expectedTotalUsd);
      number(g, "lower_80_usd", f.lower80Usd);
      number(g, "upper_80_usd", f.upper80Usd);
      number(g, "lower_95_usd", f.lower95Usd);
      number(g, "upper_95_usd", f.upper95Usd);
      number(g, "backtest_mape", Double.isNaN(f.backtestMape) ? Double.NaN : ForecastCsv.round(f.backtestMape, 4));
      g.writeNumberField("backtest_horizon_days", f.backtestHorizonDays);
      g.writeNumberField("backtest_folds", f.backtestFolds);
      g.writeStringField("generated_at", Instant.ofEpochMilli(f.generatedAt).toString());
      g.writeArrayFieldStart("daily_path_usd");
      for (double v : f.dailyPathUsd) g.writeNumber(ForecastCsv.round(v, 4));
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isNaN(v)) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, ForecastCsv.round(v, 4));
    }
  }
}
