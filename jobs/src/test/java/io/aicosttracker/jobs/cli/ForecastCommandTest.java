package io.aicosttracker.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.core.format.AggregateCsv;
import io.aicosttracker.core.records.CostAggregate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cost-tracker forecast --usage-daily}: reads the run's daily CSVs, writes CSV and JSON lines per scope. */
class ForecastCommandTest {
  @TempDir Path tmp;

  private static CostAggregate row(LocalDate day, String project, String model, double cost) {
    CostAggregate a = new CostAggregate();
    a.windowStart = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    a.project = project;
    a.provider = "openai";
    a.model = model;
    a.source = "api";
    a.costUsd = cost;
    return a;
  }

  @Test
  void forecastsEveryScopeFromUsageDailyFiles() throws Exception {
    LocalDate start = LocalDate.parse("2026-01-05");
    List<String> lines = new ArrayList<>(List.of(AggregateCsv.HEADER));
    for (int t = 0; t < 40; t++) {
      lines.add(AggregateCsv.toRow(row(start.plusDays(t), "search", "gpt-4o", 10 + t)));
      if (t >= 30) lines.add(AggregateCsv.toRow(row(start.plusDays(t), "new,bot", "gpt-4o-mini", 2))); // 10 days only
    }
    Path daily = Files.createDirectories(tmp.resolve("usage-daily"));
    Files.write(daily.resolve("part-0-0.csv"), lines, StandardCharsets.UTF_8);
    Files.writeString(daily.resolve(".part-0-1.inprogress"), "garbage"); // in-progress files are skipped

    int code = CostTrackerCli.execute("forecast", "--usage-daily", daily.toString(), "--horizons", "30,60", "--out", tmp.resolve("out").toString());

    assertThat(code).isZero();
    List<String> csv = Files.readAllLines(tmp.resolve("out/forecasts/forecasts.csv"));
    assertThat(csv.get(0)).startsWith("scope,status,forecast_model,origin_date");
    assertThat(csv).hasSize(1 + 5 * 2); // all, 2 projects, 2 models; 2 horizons each
    assertThat(csv.get(1)).startsWith("all,ok,").contains(",2026-02-14,40,30,");
    assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("\"project:new,bot\",insufficient_history,,2026-02-14,10,30,"));
    List<String> json = Files.readAllLines(tmp.resolve("out/forecasts/forecasts.jsonl"));
    assertThat(json).hasSize(csv.size() - 1);
    assertThat(json.get(0)).contains("\"scope\":\"all\"", "\"horizon_days\":30", "\"daily_path_usd\":[");
  }

  @Test
  void forecastsEachBudgetScopeAndProjectsItsPeriod() throws Exception {
    LocalDate start = LocalDate.parse("2026-01-05");
    List<String> lines = new ArrayList<>(List.of(AggregateCsv.HEADER));
    for (int t = 0; t < 40; t++) {
      lines.add(AggregateCsv.toRow(row(start.plusDays(t), "search", "gpt-4o", 10 + t)));
      lines.add(AggregateCsv.toRow(row(start.plusDays(t), "other", "gpt-4o", 100)));
    }
    Path daily = Files.createDirectories(tmp.resolve("usage-daily"));
    Files.write(daily.resolve("part-0-0.csv"), lines, StandardCharsets.UTF_8);
    Path budgets = tmp.resolve("budgets.yaml");
    Files.writeString(budgets, """
        budgets:
          - id: search-monthly
            scope: {project: search}
            amount_usd: 1000
            period: monthly
          - id: team-x
            scope: {team: x}
            amount_usd: 10
            period: daily
        """);

    int code = CostTrackerCli.execute("forecast", "--usage-daily", daily.toString(), "--horizons", "30", "--budgets", budgets.toString(),
        "--out", tmp.resolve("out").toString());

    assertThat(code).isZero();
    List<String> csv = Files.readAllLines(tmp.resolve("out/forecasts/forecasts.csv"));
    // the budget's scope is the search project only: its forecast continues 10 + t, not the $100/day of the other project
    assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("budget:search-monthly,ok,ols_trend_dow,2026-02-14,40,30,1935.0,"));
    assertThat(csv).noneSatisfy(l -> assertThat(l).startsWith("budget:team-x")); // team: not in daily aggregates
    List<String> outlook = Files.readAllLines(tmp.resolve("out/forecasts/budget-outlook.csv"));
    assertThat(outlook).hasSize(2);
    // February: $559 spent by the 13th (days 27-39 of the trend), then $50, $51, ... a day: $1000 is reached
    // 13/58 into February 22 (the 9th forecast day), and the month ends at 559 + 855 = $1414
    assertThat(outlook.get(1)).startsWith("search-monthly,project=search,budget:search-monthly,2026-02-01,UTC,2026-02-01T00:00:00Z,2026-03-01T00:00:00Z,2026-02-14T00:00:00Z,1000.0,559.0,ok,ols_trend_dow,1414.0,2026-02-22T05:22:");
  }

  @Test
  void badInputIsOneLineError() {
    int code = CostTrackerCli.execute("forecast", "--usage-daily", tmp.resolve("missing").toString(), "--out", tmp.toString());
    assertThat(code).isEqualTo(2);
    int horizons = CostTrackerCli.execute("forecast", "--usage-daily", tmp.toString(), "--horizons", "0", "--out", tmp.toString());
    assertThat(horizons).isEqualTo(2);
  }
}
