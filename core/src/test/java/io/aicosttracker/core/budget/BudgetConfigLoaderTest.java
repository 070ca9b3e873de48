package io.aicosttracker.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetConfigLoaderTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @Test
  void loadsYamlWithDefaults() throws IOException {
    Path f =
        file(
            "budgets.yaml",
            """
            budgets:
              - id: org-monthly
                amount_usd: 5000
                period: monthly
                time_zone: America/New_York
              - id: search-weekly
                scope: {project: search, provider: openai}
                amount_usd: 250.5
                period: weekly
                reset_weekday: wednesday
                time_zone: Europe/Berlin
                thresholds: [25, 90]
                forecast_alerts: false
                channels: [slack-finops, email-leads]
            """);
    List<Budget> budgets = BudgetConfigLoader.load(f);
    assertThat(budgets).hasSize(2);
    Budget org = budgets.get(0);
    assertThat(org.scope()).isEqualTo(BudgetScope.ALL);
    assertThat(org.period()).isEqualTo(BudgetPeriod.monthly(ZoneId.of("America/New_York"), 1));
    assertThat(org.thresholdsPercent()).containsExactly(50, 80, 100);
    assertThat(org.forecastAlerts()).isTrue();
    assertThat(org.forecastMinElapsed()).isEqualTo(0.2);
    Budget search = budgets.get(1);
    assertThat(search.scope().describe()).isEqualTo("project=search,provider=openai");
    assertThat(search.period()).isEqualTo(BudgetPeriod.weekly(ZoneId.of("Europe/Berlin"), DayOfWeek.WEDNESDAY));
    assertThat(search.thresholdsPercent()).containsExactly(25, 90);
    assertThat(search.forecastAlerts()).isFalse();
    assertThat(search.channels()).containsExactly("slack-finops", "email-leads");
  }

  @Test
  void loadsJsonList() throws IOException {
    Path f = file("b.json", "[{\"id\":\"d\",\"amount_usd\":10,\"period\":\"daily\"}]");
    Budget b = BudgetConfigLoader.load(f).get(0);
    assertThat(b.period()).isEqualTo(BudgetPeriod.daily(ZoneId.of("UTC")));
  }

  @Test
  void rejectsInvalidBudgetsNamingBudgetAndField() throws IOException {
    assertThatThrownBy(() -> BudgetConfigLoader.load(file("a.yaml", "- {id: x, amount_usd: -5, period: daily}")))
        .hasMessageContaining("budget 'x'").hasMessageContaining("field 'amount_usd'");
    assertThatThrownBy(() -> BudgetConfigLoader.load(file("b.yaml", "- {id: x, amount_usd: 5, period: daily, time_zone: Mars/Base}")))
        .hasMessageContaining("budget 'x'").hasMessageContaining("field 'time_zone'").hasMessageContaining("Mars/Base");
    assertThatThrownBy(() -> BudgetConfigLoader.load(file("c.yaml", "- {id: x, amount_usd: 5, period: fortnightly}")))
        .hasMessageContaining("field 'period'");
    assertThatThrownBy(() -> BudgetConfigLoader.load(file("d.yaml", "- {id: x, amount_usd: 5, period: monthly, reset_day: 32}")))
        .hasMessageContaining("field 'reset_day'");
    assertThatThrownBy(() -> BudgetConfigLoader.load(file("e.yaml", "- {id: x, amount_usd: 5, period: weekly, reset_weekday: funday}")))
        .hasMessageContaining("field 'reset_weekday'");
    assertThatThrownBy(() -> BudgetConfigLoader.load(file("f.yaml", "- {id: x, amount_usd: 5, period: daily, thresholds: [80, 50]}")))
        .hasMessageContaining("field 'thresholds'");
    assertThatThrownBy(() -> BudgetConfigLoader.load(file("g.yaml", "- {id: x, amount: 5, period: daily}")))
        .hasMessageContaining("budget 'x'").hasMessageContaining("field 'amount'").hasMessageContaining("unknown field");
    assertThatThrownBy(() -> BudgetConfigLoader.load(file("h.yaml", "- {id: x, amount_usd: 5, period: daily, scope: {projekt: a}}")))
        .hasMessageContaining("field 'scope.projekt'");
    assertThatThrownBy(() -> BudgetConfigLoader.load(file("i.yaml", "- {amount_usd: 5, period: daily}")))
        .hasMessageContaining("budget #1").hasMessageContaining("field 'id'");
    assertThatThrownBy(() -> BudgetConfigLoader.load(file("j.yaml", "- {id: x, amount_usd: 5, period: daily}\n- {id: x, amount_usd: 6, period: daily}")))
        .hasMessageContaining("duplicate id");
    assertThatThrownBy(() -> BudgetConfigLoader.load(file("k.yaml", "budgets: [ {id: x")))
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> BudgetConfigLoader.load(dir.resolve("missing.yaml"))).hasMessageContaining("not found");
  }
}
