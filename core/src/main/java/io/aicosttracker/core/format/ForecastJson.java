package io.aicosttracker.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.core.forecast.Forecast;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/** Writes forecasts as JSON lines, snake_case names, absent numbers as null, with the daily path. */
public final class ForecastJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

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
      number(g, "interval_scale", f.isOk() ? ForecastCsv.round(f.intervalScale, 4) : Double.NaN);
      g.writeStringField("generated_at", Instant.ofEpochMilli(f.generatedAt).toString());
      g.writeArrayFieldStart("daily_path_usd");
      for (double v : f.dailyPathUsd) g.writeNumber(ForecastCsv.round(v, 4));
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  /**
   * Reads back one line written by {@link #write}: null numbers become {@code NaN}, as in the
   * record (values are the 4-decimal figures the file holds).
   *
   * @throws IllegalArgumentException when the line is not a forecast object
   */
  public static Forecast read(String line) {
    JsonNode n;
    try {
      n = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON forecast line: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject() || !n.hasNonNull("scope") || !n.hasNonNull("origin_date") || !n.hasNonNull("horizon_days")) {
      throw new IllegalArgumentException("not a forecast line (needs scope, origin_date and horizon_days)");
    }
    Forecast f = new Forecast();
    f.scope = AlertJson.text(n, "scope");
    f.status = AlertJson.text(n, "status");
    f.forecastModel = AlertJson.text(n, "forecast_model");
    f.originDate = AlertJson.text(n, "origin_date");
    try {
      java.time.LocalDate.parse(f.originDate);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("origin_date is not a date (YYYY-MM-DD): " + f.originDate);
    }
    f.historyDays = n.path("history_days").asInt();
    f.horizonDays = n.path("horizon_days").asInt();
    f.expectedTotalUsd = nanIfNull(n, "expected_total_usd");
    f.lower80Usd = nanIfNull(n, "lower_80_usd");
    f.upper80Usd = nanIfNull(n, "upper_80_usd");
    f.lower95Usd = nanIfNull(n, "lower_95_usd");
    f.upper95Usd = nanIfNull(n, "upper_95_usd");
    f.backtestMape = nanIfNull(n, "backtest_mape");
    f.backtestHorizonDays = n.path("backtest_horizon_days").asInt();
    f.backtestFolds = n.path("backtest_folds").asInt();
    Long generated = AlertJson.millis(n, "generated_at");
    f.generatedAt = generated == null ? 0 : generated;
    JsonNode path = n.get("daily_path_usd");
    if (path != null && path.isArray()) {
      f.dailyPathUsd = new double[path.size()];
      for (int i = 0; i < path.size(); i++) f.dailyPathUsd[i] = path.get(i).doubleValue();
    }
    return f;
  }

  private static double nanIfNull(JsonNode n, String name) {
    Double v = AlertJson.number(n, name);
    return v == null ? Double.NaN : v;
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isNaN(v)) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, ForecastCsv.round(v, 4));
    }
  }
}
