-- Horizon totals with their own prediction intervals, as the forecaster computes them.
-- Summing per-day interval bounds (what forecast_totals did over the daily path) overstates the
-- width of a total's interval: day errors are not perfectly correlated. The daily path stays in
-- `forecasts` (expected values per day); totals and intervals per horizon live here.
CREATE TABLE forecast_horizons (
  scope            text             NOT NULL,
  issued_for       date             NOT NULL,
  horizon_days     integer          NOT NULL,
  expected_usd     double precision,
  lower80_usd      double precision,
  upper80_usd      double precision,
  lower95_usd      double precision,
  upper95_usd      double precision,
  model_name       text,
  backtest_mape    double precision,
  history_days     integer,
  status           text             NOT NULL DEFAULT 'ok',
  updated_at       timestamptz      NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, issued_for, horizon_days)
);
CREATE INDEX forecast_horizons_issued_for ON forecast_horizons (issued_for);
COMMENT ON COLUMN forecast_horizons.status IS 'ok or insufficient_history (numbers NULL)';

DROP VIEW forecast_totals;
CREATE VIEW forecast_totals AS
SELECT scope, issued_for, horizon_days, expected_usd, lower80_usd, upper80_usd, lower95_usd, upper95_usd,
       model_name, backtest_mape
FROM forecast_horizons
WHERE status = 'ok';

GRANT SELECT ON forecast_horizons, forecast_totals TO grafana_reader;
