package io.aicosttracker.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.records.AlertEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Alerts and forecasts read back from their JSON lines equal what was written (at the files' rounding). */
class RecordJsonReadBackTest {
  @Test
  void alertRoundTripsWithAbsentFieldsAsNull() throws Exception {
    AlertEvent a = new AlertEvent();
    a.alertId = "b-1";
    a.kind = AlertEvent.BUDGET_THRESHOLD;
    a.severity = AlertEvent.SEVERITY_WARNING;
    a.project = "comma, \"quote\"\nnewline";
    a.periodStart = 1_788_220_800_000L;
    a.periodEnd = 1_790_812_800_000L;
    a.observedValue = 812.5;
    a.percentUsed = 101.5625;
    a.exhaustionTime = 1_789_000_000_123L;
    a.topContributorsJson = "[{\"user\":\"u1\",\"cost_usd\":12.5}]";
    a.eventTime = 1_788_300_000_456L;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AlertJson.writeAlert(a, out);
    AlertEvent b = AlertJson.readAlert(out.toString(StandardCharsets.UTF_8).strip());
    assertThat(b).usingRecursiveComparison().isEqualTo(a);
    assertThat(b.thresholdValue).isNull();
    assertThat(b.budgetId).isNull();

    AlertEvent unscoped = AlertJson.readAlert("{\"alert_id\":\"u\",\"kind\":\"UNPRICED_USAGE\",\"event_time\":\"2026-09-01T00:00:00Z\"}");
    assertThat(unscoped.periodStart).isZero();
    assertThat(unscoped.state).isNull();
  }

  @Test
  void forecastRoundTripsWithAbsentFiguresAsNaN() throws Exception {
    Forecast f = new Forecast();
    f.scope = "project:search";
    f.status = Forecast.INSUFFICIENT_HISTORY;
    f.originDate = "2026-09-02";
    f.historyDays = 3;
    f.horizonDays = 30;
    f.generatedAt = 1_788_300_000_000L;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ForecastJson.write(f, out);
    Forecast g = ForecastJson.read(out.toString(StandardCharsets.UTF_8).strip());
    // Double.equals, unlike ==, holds for NaN
    assertThat(g).usingRecursiveComparison().withEqualsForType(Double::equals, Double.class).isEqualTo(f);
    assertThat(g.expectedTotalUsd).isNaN();

    f.status = Forecast.OK;
    f.forecastModel = "ols_trend_dow";
    f.expectedTotalUsd = 37.5;
    f.lower95Usd = 18.75;
    f.backtestMape = 0.0625;
    f.dailyPathUsd = new double[] {1.25, 1.5};
    out.reset();
    ForecastJson.write(f, out);
    assertThat(ForecastJson.read(out.toString(StandardCharsets.UTF_8).strip()))
        .usingRecursiveComparison().withEqualsForType(Double::equals, Double.class).isEqualTo(f);
  }

  @Test
  void otherLinesAreRefusedWithAReason() {
    assertThatThrownBy(() -> AlertJson.readAlert("{\"event_id\":\"e1\"}")).hasMessageContaining("needs alert_id, kind and event_time");
    assertThatThrownBy(() -> AlertJson.readAlert("{\"alert_id\":\"a\",\"kind\":\"X\",\"event_time\":\"yesterday\"}"))
        .hasMessageContaining("event_time is not an RFC 3339 UTC time");
    assertThatThrownBy(() -> ForecastJson.read("{\"scope\":\"all\"")).hasMessageStartingWith("not a JSON forecast line");
    assertThatThrownBy(() -> ForecastJson.read("{\"scope\":\"all\",\"origin_date\":\"2026-13-01\",\"horizon_days\":7}"))
        .hasMessageContaining("origin_date is not a date");
  }
}
