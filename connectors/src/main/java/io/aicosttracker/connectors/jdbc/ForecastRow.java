package io.aicosttracker.connectors.jdbc;

/**
 * One day of a forecast path in {@code forecasts}. Days are ISO dates ({@code 2026-09-30}), UTC.
 * A scope with too little history is one row with {@code status = "insufficient_history"} and null
 * numbers.
 */
public class ForecastRow {
  /** {@code all}, {@code project=NAME}, {@code model=NAME}, {@code budget=ID}, ... */
  public String scope;
  /** Last day of history the forecast was made from. */
  public String issuedFor;
  public String targetDay;
  public Double expectedUsd;
  public Double lower80Usd;
  public Double upper80Usd;
  public Double lower95Usd;
  public Double upper95Usd;
  public String modelName;
  public Double backtestMape;
  public String status = "ok";

  public ForecastRow() {}
}
