-- Budgets, their status over time, alerts and anomalies.
-- Written by the budget/anomaly jobs through JdbcSinks; every primary key is the natural key of
-- the record, so re-emitting a record (replay, restart) updates the same row.

-- A budget as configured (the job or `cost-tracker` loads the configuration into this table).
-- A NULL filter column means "any".
CREATE TABLE budgets (
  budget_id       text           PRIMARY KEY,
  name            text,
  scope           text           NOT NULL DEFAULT 'all',
  project         text,
  team            text,
  provider        text,
  model           text,
  source          text,
  amount_usd      numeric(20, 4) NOT NULL CHECK (amount_usd > 0),
  period          text           NOT NULL CHECK (period IN ('daily', 'weekly', 'monthly')),
  reset_day       integer,
  time_zone       text           NOT NULL DEFAULT 'UTC',
  thresholds_pct  double precision[] NOT NULL DEFAULT '{50,80,100}',
  forecast_alerts boolean        NOT NULL DEFAULT true,
  channels        text[]         NOT NULL DEFAULT '{}',
  updated_at      timestamptz    NOT NULL DEFAULT now()
);
COMMENT ON COLUMN budgets.reset_day IS 'weekly: ISO weekday 1-7 the period starts on; monthly: day of month; NULL for daily';

-- Spend, burn rate and projection of one budget period as of an event time (at least hourly).
-- Keeping every as_of gives the burn-rate history; budget_status_latest shows the newest.
CREATE TABLE budget_status (
  budget_id            text           NOT NULL,
  period_start         timestamptz    NOT NULL,
  period_end           timestamptz    NOT NULL,
  as_of                timestamptz    NOT NULL,
  spend_usd            numeric(20, 10) NOT NULL,
  amount_usd           numeric(20, 4) NOT NULL,
  percent_used         double precision,
  burn_rate_usd_per_hour double precision,
  projected_spend_usd  numeric(20, 10),
  exhaustion_time      timestamptz,
  state                text           NOT NULL DEFAULT 'OK',
  updated_at           timestamptz    NOT NULL DEFAULT now(),
  PRIMARY KEY (budget_id, period_start, as_of)
);
CREATE INDEX budget_status_as_of ON budget_status (as_of);
COMMENT ON COLUMN budget_status.state IS 'OK, WARN, ALERT or RESOLVED (the per-budget state machine)';

-- One row per alert_id (deterministic from kind, budget or series, period, threshold), so an
-- alert fires once per period across restarts and replays. A RESOLVED record updates the row
-- and stamps resolved_time; event_time stays the time the alert was raised.
CREATE TABLE alerts (
  alert_id          text             PRIMARY KEY,
  kind              text             NOT NULL,
  severity          text             NOT NULL,
  state             text             NOT NULL,
  budget_id         text,
  scope             text,
  project           text,
  team              text,
  provider          text,
  model             text,
  period_start      timestamptz,
  period_end        timestamptz,
  observed_value    double precision,
  threshold_value   double precision,
  expected_value    double precision,
  percent_used      double precision,
  projected_spend   double precision,
  exhaustion_time   timestamptz,
  score             double precision,
  dollar_impact     double precision,
  top_contributors  jsonb,
  message           text,
  event_time        timestamptz      NOT NULL,
  resolved_time     timestamptz,
  link              text,
  first_seen_at     timestamptz      NOT NULL DEFAULT now(),
  updated_at        timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX alerts_event_time ON alerts (event_time);
CREATE INDEX alerts_budget_time ON alerts (budget_id, event_time);
COMMENT ON COLUMN alerts.kind IS 'BUDGET_THRESHOLD, BUDGET_FORECAST, COST_ANOMALY, UNPRICED_USAGE or SYSTEM';

-- Cost anomalies (rolling z-score), one row per anomaly id (the COST_ANOMALY alert id).
CREATE TABLE anomalies (
  anomaly_id        text             PRIMARY KEY,
  project           text,
  provider          text,
  model             text,
  granularity       text             NOT NULL DEFAULT 'hour',
  window_start      timestamptz      NOT NULL,
  window_end        timestamptz,
  observed_usd      double precision NOT NULL,
  expected_usd      double precision,
  score             double precision NOT NULL,
  dollar_impact     double precision,
  severity          text,
  top_contributors  jsonb,
  message           text,
  detected_at       timestamptz      NOT NULL,
  updated_at        timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX anomalies_window ON anomalies (window_start);
CREATE INDEX anomalies_project_window ON anomalies (project, window_start);
COMMENT ON COLUMN anomalies.dollar_impact IS 'observed_usd - expected_usd for the window';
