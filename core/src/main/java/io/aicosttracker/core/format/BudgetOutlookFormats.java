package io.aicosttracker.core.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicosttracker.core.forecast.BudgetOutlook;
import java.time.Instant;

/** CSV rows and JSON lines of {@link BudgetOutlook}s ({@code cost-tracker forecast --budgets}). */
public final class BudgetOutlookFormats {
  public static final String CSV_HEADER =
      "budget_id,budget_scope,forecast_scope,period_label,time_zone,period_start,period_end,as_of,amount_usd,spent_usd,"
          + "status,forecast_model,projected_spend_usd,exhaustion_time";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BudgetOutlookFormats() {}

  public static String csvRow(BudgetOutlook o) {
    StringBuilder b = new StringBuilder(200);
    Csv.appendCell(b, o.budgetId()).append(',');
    Csv.appendCell(b, o.budgetScope()).append(',');
    Csv.appendCell(b, "budget:" + o.budgetId()).append(',');
    b.append(o.periodLabel()).append(',').append(o.timeZone()).append(',');
    b.append(Instant.ofEpochMilli(o.periodStart())).append(',').append(Instant.ofEpochMilli(o.periodEnd())).append(',');
    b.append(Instant.ofEpochMilli(o.asOf())).append(',');
    b.append(ForecastCsv.round(o.amountUsd(), 4)).append(',').append(ForecastCsv.round(o.spentUsd(), 4)).append(',');
    b.append(o.status()).append(',');
    if (o.forecastModel() != null) b.append(o.forecastModel());
    b.append(',');
    if (!Double.isNaN(o.projectedSpendUsd())) b.append(ForecastCsv.round(o.projectedSpendUsd(), 4));
    b.append(',');
    if (o.exhaustionTime() != null) b.append(Instant.ofEpochMilli(o.exhaustionTime()));
    return b.toString();
  }

  /** One JSON object (no newline); absent figures are null. */
  public static String json(BudgetOutlook o) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("budget_id", o.budgetId());
    n.put("budget_scope", o.budgetScope());
    n.put("forecast_scope", "budget:" + o.budgetId());
    n.put("period_label", o.periodLabel());
    n.put("time_zone", o.timeZone());
    n.put("period_start", Instant.ofEpochMilli(o.periodStart()).toString());
    n.put("period_end", Instant.ofEpochMilli(o.periodEnd()).toString());
    n.put("as_of", Instant.ofEpochMilli(o.asOf()).toString());
    n.put("amount_usd", o.amountUsd());
    n.put("spent_usd", ForecastCsv.round(o.spentUsd(), 6));
    n.put("status", o.status());
    n.put("forecast_model", o.forecastModel());
    if (Double.isNaN(o.projectedSpendUsd())) n.putNull("projected_spend_usd");
    else n.put("projected_spend_usd", ForecastCsv.round(o.projectedSpendUsd(), 6));
    if (o.exhaustionTime() == null) n.putNull("exhaustion_time");
    else n.put("exhaustion_time", Instant.ofEpochMilli(o.exhaustionTime()).toString());
    return n.toString();
  }
}
