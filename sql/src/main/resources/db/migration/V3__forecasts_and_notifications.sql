-- Forecasts and the notification delivery log.

-- Daily forecast path: one row per (scope, issued_for, target_day). Horizon totals (30/60/90
-- days) are sums over the path (view forecast_totals). A scope with too little history is
-- recorded with status 'insufficient_history' and NULL numbers rather than an invented value.
CREATE TABLE forecasts (
  scope            text             NOT NULL,
  issued_for       date             NOT NULL,
  target_day       date             NOT NULL,
  expected_usd     double precision,
  lower80_usd      double precision,
  upper80_usd      double precision,
  lower95_usd      double precision,
  upper95_usd      double precision,
  model_name       text,
  backtest_mape    double precision,
  status           text             NOT NULL DEFAULT 'ok',
  updated_at       timestamptz      NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, issued_for, target_day)
);
CREATE INDEX forecasts_target_day ON forecasts (target_day);
COMMENT ON COLUMN forecasts.scope IS 'all, project=NAME, model=NAME, budget=ID ...';
COMMENT ON COLUMN forecasts.issued_for IS 'Last day of history the forecast was made from (UTC)';

-- Final outcome of sending one alert to one channel; retries update the same row.
CREATE TABLE notification_deliveries (
  alert_id       text        NOT NULL,
  channel        text        NOT NULL,
  channel_type   text        NOT NULL,
  status         text        NOT NULL,
  attempts       integer     NOT NULL DEFAULT 1,
  http_status    integer,
  latency_ms     bigint,
  error          text,
  sent_at        timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (alert_id, channel)
);
CREATE INDEX notification_deliveries_sent_at ON notification_deliveries (sent_at);
COMMENT ON COLUMN notification_deliveries.channel IS 'Configured channel name, e.g. slack-finops';
COMMENT ON COLUMN notification_deliveries.channel_type IS 'email, slack, discord, teams or webhook';
COMMENT ON COLUMN notification_deliveries.status IS 'sent, failed, dead_letter, rate_limited or deduplicated';
COMMENT ON COLUMN notification_deliveries.latency_ms IS 'From the alert event to the final attempt''s answer';
COMMENT ON COLUMN notification_deliveries.error IS 'Last error, with secrets masked by the sender';
