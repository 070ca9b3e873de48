package io.aicosttracker.core.format;

import io.aicosttracker.core.forecast.Forecast;
import java.time.Instant;

/** CSV rendering of forecasts (one row per scope and horizon; the daily path is in the JSON lines). */
public final class ForecastCsv {
  public static final String HEADER =
      "scope,status,forecast_model,origin_date,history_days,horizon_days,expected_total_usd,"
          + "lower_80_usd,upper_80_usd,lower_95_usd,upper_95_usd,backtest_mape,backtest_horizon_days,"
          + "backtest_folds,interval_scale,generated_at";

  private ForecastCsv() {}

  /** One CSV row (no trailing newline); absent numbers are empty cells. */
  public static String toRow(Forecast f) {
    StringBuilder b = new StringBuilder(200);
    Csv.appendCell(b, f.scope).append(',');
    b.append(f.status).append(',');
    if (f.forecastModel != null) b.append(f.forecastModel);
    b.append(',').append(f.originDate).append(',');
    b.append(f.historyDays).append(',').append(f.horizonDays).append(',');
    money(b, f.expectedTotalUsd).append(',');
    money(b, f.lower80Usd).append(',');
    money(b, f.upper80Usd).append(',');
    money(b, f.lower95Usd).append(',');
    money(b, f.upper95Usd).append(',');
    if (!Double.isNaN(f.backtestMape)) b.append(round(f.backtestMape, 4));
    b.append(',').append(f.backtestHorizonDays).append(',').append(f.backtestFolds).append(',');
    if (f.isOk()) b.append(round(f.intervalScale, 4));
    b.append(',');
    b.append(Instant.ofEpochMilli(f.generatedAt));
    return b.toString();
  }

  private static StringBuilder money(StringBuilder b, double v) {
    return Double.isNaN(v) ? b : b.append(round(v, 4));
  }

  static double round(double v, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(v * scale) / scale;
  }
}
