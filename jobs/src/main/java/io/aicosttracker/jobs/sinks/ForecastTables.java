package io.aicosttracker.jobs.sinks;

import io.aicosttracker.connectors.jdbc.ForecastHorizonRow;
import io.aicosttracker.connectors.jdbc.ForecastRow;
import io.aicosttracker.connectors.jdbc.JdbcSinks;
import io.aicosttracker.core.forecast.Forecast;
import java.time.LocalDate;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Writes forecasts to PostgreSQL: every horizon total with its intervals to
 * {@code forecast_horizons}, and the daily path of the longest horizon to {@code forecasts}.
 */
public final class ForecastTables {
  private ForecastTables() {}

  public static void attach(DataStream<Forecast> forecasts, JdbcSinks sinks, int longestHorizon) {
    sinks.forecastHorizons(
        forecasts.map(ForecastTables::horizonRow).returns(TypeInformation.of(ForecastHorizonRow.class)).uid("forecast-horizon-rows").name("forecast horizon rows"));
    FlatMapFunction<Forecast, ForecastRow> path = (f, out) -> {
      if (f.horizonDays == longestHorizon) dailyRows(f, out::collect);
    };
    sinks.forecasts(forecasts.flatMap(path).returns(TypeInformation.of(ForecastRow.class)).uid("forecast-path-rows").name("forecast daily path rows"));
  }

  static ForecastHorizonRow horizonRow(Forecast f) {
    ForecastHorizonRow r = new ForecastHorizonRow();
    r.scope = f.scope;
    r.issuedFor = issuedFor(f);
    r.horizonDays = f.horizonDays;
    r.status = f.status;
    r.historyDays = f.historyDays;
    if (f.isOk()) {
      r.expectedUsd = f.expectedTotalUsd;
      r.lower80Usd = f.lower80Usd;
      r.upper80Usd = f.upper80Usd;
      r.lower95Usd = f.lower95Usd;
      r.upper95Usd = f.upper95Usd;
      r.modelName = f.forecastModel;
      r.backtestMape = f.backtestMape;
      r.intervalScale = f.intervalScale;
    }
    return r;
  }

  static void dailyRows(Forecast f, java.util.function.Consumer<ForecastRow> out) {
    LocalDate origin = LocalDate.parse(f.originDate);
    if (!f.isOk()) {
      ForecastRow r = new ForecastRow();
      r.scope = f.scope;
      r.issuedFor = issuedFor(f);
      r.targetDay = f.originDate;
      r.status = f.status;
      out.accept(r);
      return;
    }
    for (int d = 0; d < f.dailyPathUsd.length; d++) {
      ForecastRow r = new ForecastRow();
      r.scope = f.scope;
      r.issuedFor = issuedFor(f);
      r.targetDay = origin.plusDays(d).toString();
      r.expectedUsd = f.dailyPathUsd[d];
      r.modelName = f.forecastModel;
      r.backtestMape = f.backtestMape;
      r.status = f.status;
      out.accept(r);
    }
  }

  private static String issuedFor(Forecast f) {
    return LocalDate.parse(f.originDate).minusDays(1).toString();
  }
}
