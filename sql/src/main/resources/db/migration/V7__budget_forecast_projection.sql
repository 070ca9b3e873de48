-- The budget function also projects each period with the daily cost forecast of the budget's
-- scope (forecast scope 'budget:<id>'): spend so far plus the forecast's expected cost of the rest
-- of the period, and when that reaches the amount. NULL when no forecast is available (fewer
-- than 14 days of history). The burn-rate projection stays in projected_spend_usd / exhaustion_time.
ALTER TABLE budget_status
  ADD COLUMN forecast_projected_spend_usd numeric(20, 10),
  ADD COLUMN forecast_exhaustion_time     timestamptz,
  ADD COLUMN forecast_model               text;
COMMENT ON COLUMN budget_status.forecast_projected_spend_usd IS
  'period spend projected with the daily cost forecast of scope budget:<id>; NULL without a forecast';

-- The factor (>= 1) by which the chosen model''s intervals were widened to fit its back-test errors.
ALTER TABLE forecast_horizons ADD COLUMN interval_scale double precision;

-- budget_status_latest selected s.*, which PostgreSQL expands when the view is created: recreate
-- it so the new columns show.
DROP VIEW budget_status_latest;
CREATE VIEW budget_status_latest AS
SELECT DISTINCT ON (s.budget_id, s.period_start)
       s.*, b.name, b.scope, b.period, b.time_zone
FROM budget_status s
LEFT JOIN budgets b USING (budget_id)
ORDER BY s.budget_id, s.period_start, s.as_of DESC;

GRANT SELECT ON budget_status_latest TO grafana_reader;
