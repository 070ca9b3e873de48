package io.aicosttracker.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aicosttracker.core.forecast.Forecast;
import io.aicosttracker.core.forecast.ScopedDailyCost;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The keyed daily forecast: timers per event-time day, corrections, idle days, end of input. */
class DailyForecastFunctionTest {
  private static final long DAY0 = LocalDate.parse("2026-03-02").toEpochDay(); // a Monday
  private static final int[] HORIZONS = {30, 60};

  private KeyedOneInputStreamOperatorTestHarness<String, ScopedDailyCost, Forecast> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new DailyForecastFunction(HORIZONS), s -> s.scope, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  /** Two aggregates per day summing to the line 10 + t; each arrives as its window closes. */
  private void day(long t, double extraOnA) throws Exception {
    long ts = DailyForecastFunction.endOfDay(DAY0 + t);
    harness.processElement(new StreamRecord<>(new ScopedDailyCost("all", "a", DAY0 + t, 4 + 0.5 * t + extraOnA), ts));
    harness.processElement(new StreamRecord<>(new ScopedDailyCost("all", "b", DAY0 + t, 6 + 0.5 * t), ts));
  }

  private static double lineTotal(long fromT, int days) {
    double s = 0;
    for (long t = fromT; t < fromT + days; t++) s += 10 + t;
    return s;
  }

  @Test
  void forecastsOncePerDayAfterFourteenDaysAndFromCompleteDaysOnly() throws Exception {
    for (int t = 0; t < 16; t++) {
      day(t, 0);
      assertThat(harness.extractOutputValues()).as("nothing before the watermark closes day %d", t).hasSize(2 * t);
      harness.processWatermark(new Watermark(DailyForecastFunction.endOfDay(DAY0 + t)));
      assertThat(harness.extractOutputValues()).hasSize(2 * (t + 1));
    }
    List<Forecast> out = harness.extractOutputValues();
    assertThat(out.subList(0, 26)).allSatisfy(f -> assertThat(f.status).isEqualTo(Forecast.INSUFFICIENT_HISTORY));
    Forecast day14 = out.get(26); // history days 0..13, first day with 14 days
    assertThat(day14.status).isEqualTo(Forecast.OK);
    assertThat(day14.historyDays).isEqualTo(14);
    assertThat(day14.originDate).isEqualTo(LocalDate.ofEpochDay(DAY0 + 14).toString());
    Forecast last = out.get(30);
    assertThat(last.horizonDays).isEqualTo(30);
    assertThat(last.expectedTotalUsd).isCloseTo(lineTotal(16, 30), within(1e-6));
    assertThat(harness.numEventTimeTimers()).isEqualTo(1); // re-armed for the next day
  }

  @Test
  void aCorrectedAggregateReplacesItsEarlierValue() throws Exception {
    for (int t = 0; t < 20; t++) {
      day(t, t == 5 ? 100 : 0); // day 5 first arrives wrong
      harness.processWatermark(new Watermark(DailyForecastFunction.endOfDay(DAY0 + t)));
    }
    int before = harness.extractOutputValues().size();
    // the late firing of day 5's window re-emits the corrected total for aggregate "a"
    harness.processElement(new StreamRecord<>(new ScopedDailyCost("all", "a", DAY0 + 5, 4 + 2.5), DailyForecastFunction.endOfDay(DAY0 + 5)));
    day(20, 0);
    harness.processWatermark(new Watermark(DailyForecastFunction.endOfDay(DAY0 + 20)));

    List<Forecast> out = harness.extractOutputValues();
    assertThat(out).hasSize(before + 2); // no re-forecast of old days, one forecast per horizon for day 20
    Forecast f = out.get(before);
    assertThat(f.originDate).isEqualTo(LocalDate.ofEpochDay(DAY0 + 21).toString());
    assertThat(f.expectedTotalUsd).isCloseTo(lineTotal(21, 30), within(1e-6)); // back on the exact line
  }

  @Test
  void aDayWithoutUsageCountsAsZeroAndStillRefreshesTheForecast() throws Exception {
    for (int t = 0; t < 20; t++) {
      day(t, 0);
      harness.processWatermark(new Watermark(DailyForecastFunction.endOfDay(DAY0 + t)));
    }
    int before = harness.extractOutputValues().size();
    harness.processWatermark(new Watermark(DailyForecastFunction.endOfDay(DAY0 + 20))); // quiet day
    List<Forecast> out = harness.extractOutputValues();
    assertThat(out).hasSize(before + 2);
    Forecast f = out.get(before);
    assertThat(f.historyDays).isEqualTo(21);
    assertThat(f.originDate).isEqualTo(LocalDate.ofEpochDay(DAY0 + 21).toString());
    assertThat(f.expectedTotalUsd).isLessThan(lineTotal(21, 30)); // the zero pulls the forecast down
  }

  @Test
  void endOfABoundedInputForecastsOnlyTheLatestDay() throws Exception {
    for (int t = 0; t < 30; t++) day(t, 0); // BATCH-like: all data, then the final watermark
    harness.processWatermark(new Watermark(Long.MAX_VALUE));
    List<Forecast> out = harness.extractOutputValues();
    assertThat(out).hasSize(2);
    assertThat(out.get(0).originDate).isEqualTo(LocalDate.ofEpochDay(DAY0 + 30).toString());
    assertThat(out.get(0).expectedTotalUsd).isCloseTo(lineTotal(30, 30), within(1e-6));
    assertThat(out.get(1).horizonDays).isEqualTo(60);
  }

  @Test
  void stateKeepsAtMostTheHistoryWindow() throws Exception {
    for (int t = 0; t < 400; t++) {
      harness.processElement(new StreamRecord<>(new ScopedDailyCost("all", "a", DAY0 + t, 10), DailyForecastFunction.endOfDay(DAY0 + t)));
    }
    harness.processWatermark(new Watermark(Long.MAX_VALUE));
    Forecast f = harness.extractOutputValues().get(0);
    assertThat(f.historyDays).isEqualTo(365);
    assertThat(f.expectedTotalUsd).isCloseTo(300, within(1e-6));
  }
}
