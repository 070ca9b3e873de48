package io.aicosttracker.connectors.jdbc;

/** One horizon total of a forecast in {@code forecast_horizons}; days are ISO dates, UTC. */
public class ForecastHorizonRow {
  public String scope;
  /** Last day of history the forecast was made from. */
  public String issuedFor;
  public int horizonDays;
  public Double expectedUsd;
  public Double lower80Usd;
  public Double upper80Usd;
  public Double lower95Usd;
  public Double upper95Usd;
  public String modelName;
  public Double backtestMape;
  public int historyDays;
  /** Back-test calibration factor of the intervals (>= 1), or null without a forecast. */
  public Double intervalScale;
  public String status = "ok";

  public ForecastHorizonRow() {}
}
