-- Views for Grafana. They keep the dimension columns (project, provider, model, source) so every
-- dashboard can apply its template variables; panels sum over the filtered rows. Days, months
-- and quarters are UTC (the daily aggregates are UTC days).

-- Spend by model per day.
CREATE VIEW v_daily_model_spend AS
SELECT (window_start AT TIME ZONE 'UTC')::date AS day,
       window_start,
       provider, model, project, source,
       cost_usd, requests, events, unpriced_events
FROM usage_daily;

-- Month-over-month: one row per month and key, also for a key that had spend last month and
-- none this month (cost 0), so sums over any filter compare like with like.
CREATE VIEW v_month_over_month AS
WITH m AS (
  SELECT date_trunc('month', window_start AT TIME ZONE 'UTC')::date AS period,
         project, provider, model, source, sum(cost_usd) AS cost_usd
  FROM usage_daily
  GROUP BY 1, 2, 3, 4, 5
), pairs AS (
  SELECT coalesce(cur.period, (prev.period + interval '1 month')::date) AS period,
         coalesce(cur.project, prev.project) AS project,
         coalesce(cur.provider, prev.provider) AS provider,
         coalesce(cur.model, prev.model) AS model,
         coalesce(cur.source, prev.source) AS source,
         coalesce(cur.cost_usd, 0) AS cost_usd,
         coalesce(prev.cost_usd, 0) AS prev_cost_usd
  FROM m cur
  FULL JOIN m prev
    ON prev.period = (cur.period - interval '1 month')::date
   AND prev.project = cur.project AND prev.provider = cur.provider
   AND prev.model = cur.model AND prev.source = cur.source
)
SELECT period AS month, period::timestamp AT TIME ZONE 'UTC' AS month_start,
       project, provider, model, source, cost_usd, prev_cost_usd,
       cost_usd - prev_cost_usd AS change_usd,
       100.0 * (cost_usd - prev_cost_usd) / nullif(prev_cost_usd, 0) AS change_pct
FROM pairs
WHERE period <= (SELECT max(period) FROM m);

-- Quarter-over-quarter, built the same way.
CREATE VIEW v_quarter_over_quarter AS
WITH q AS (
  SELECT date_trunc('quarter', window_start AT TIME ZONE 'UTC')::date AS period,
         project, provider, model, source, sum(cost_usd) AS cost_usd
  FROM usage_daily
  GROUP BY 1, 2, 3, 4, 5
), pairs AS (
  SELECT coalesce(cur.period, (prev.period + interval '3 months')::date) AS period,
         coalesce(cur.project, prev.project) AS project,
         coalesce(cur.provider, prev.provider) AS provider,
         coalesce(cur.model, prev.model) AS model,
         coalesce(cur.source, prev.source) AS source,
         coalesce(cur.cost_usd, 0) AS cost_usd,
         coalesce(prev.cost_usd, 0) AS prev_cost_usd
  FROM q cur
  FULL JOIN q prev
    ON prev.period = (cur.period - interval '3 months')::date
   AND prev.project = cur.project AND prev.provider = cur.provider
   AND prev.model = cur.model AND prev.source = cur.source
)
SELECT period AS quarter, period::timestamp AT TIME ZONE 'UTC' AS quarter_start,
       to_char(period, 'YYYY-"Q"Q') AS quarter_label,
       project, provider, model, source, cost_usd, prev_cost_usd,
       cost_usd - prev_cost_usd AS change_usd,
       100.0 * (cost_usd - prev_cost_usd) / nullif(prev_cost_usd, 0) AS change_pct
FROM pairs
WHERE period <= (SELECT max(period) FROM q);

-- API vs manual entries per day, side by side.
CREATE VIEW v_source_split_daily AS
SELECT (window_start AT TIME ZONE 'UTC')::date AS day,
       window_start, project, provider, model,
       sum(cost_usd) FILTER (WHERE source = 'api') AS api_cost_usd,
       sum(cost_usd) FILTER (WHERE source = 'manual') AS manual_cost_usd,
       sum(requests) FILTER (WHERE source = 'api') AS api_requests,
       sum(requests) FILTER (WHERE source = 'manual') AS manual_requests,
       100.0 * coalesce(sum(cost_usd) FILTER (WHERE source = 'manual'), 0) / nullif(sum(cost_usd), 0) AS manual_cost_pct
FROM usage_daily
GROUP BY window_start, project, provider, model;

-- Cost per 1,000 requests. Panels should divide sums (sum(cost)/sum(requests)), not average this column.
CREATE VIEW v_cost_per_1k_requests AS
SELECT (window_start AT TIME ZONE 'UTC')::date AS day,
       window_start, project, provider, model, source,
       cost_usd, requests,
       1000.0 * cost_usd / nullif(requests, 0) AS cost_per_1k_requests
FROM usage_daily;

-- Cache effectiveness: cache-read share of input tokens and dollars saved against uncached prices.
CREATE VIEW v_cache_effectiveness AS
SELECT (window_start AT TIME ZONE 'UTC')::date AS day,
       window_start, project, provider, model, source,
       input_tokens, cache_read_tokens, cache_write_tokens,
       100.0 * cache_read_tokens / nullif(input_tokens, 0) AS cache_read_pct,
       cost_usd,
       cache_savings_usd,
       cost_usd + coalesce(cache_savings_usd, 0) AS uncached_cost_usd
FROM usage_daily;

-- Hour-of-day x day-of-week (UTC here; dashboards recompute both in the viewer's time zone
-- from window_start).
CREATE VIEW v_hourly_heatmap AS
SELECT window_start, project, provider, model, source,
       extract(isodow FROM window_start AT TIME ZONE 'UTC')::int AS day_of_week_utc,
       extract(hour FROM window_start AT TIME ZONE 'UTC')::int AS hour_of_day_utc,
       cost_usd, requests
FROM usage_hourly;

-- Newest status of each budget period.
CREATE VIEW budget_status_latest AS
SELECT DISTINCT ON (s.budget_id, s.period_start)
       s.*, b.name, b.scope, b.period, b.time_zone
FROM budget_status s
LEFT JOIN budgets b USING (budget_id)
ORDER BY s.budget_id, s.period_start, s.as_of DESC;

-- Forecast totals per horizon (30, 60, 90 days after the issue day), from the daily path.
CREATE VIEW forecast_totals AS
SELECT f.scope, f.issued_for, h.horizon_days,
       sum(f.expected_usd) AS expected_usd,
       sum(f.lower80_usd) AS lower80_usd, sum(f.upper80_usd) AS upper80_usd,
       sum(f.lower95_usd) AS lower95_usd, sum(f.upper95_usd) AS upper95_usd,
       min(f.model_name) AS model_name, min(f.backtest_mape) AS backtest_mape
FROM forecasts f
CROSS JOIN (VALUES (30), (60), (90)) AS h(horizon_days)
WHERE f.status = 'ok' AND f.target_day > f.issued_for AND f.target_day <= f.issued_for + h.horizon_days
GROUP BY f.scope, f.issued_for, h.horizon_days;
