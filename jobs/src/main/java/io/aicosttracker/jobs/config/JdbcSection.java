package io.aicosttracker.jobs.config;

/** {@code jdbc.*}: PostgreSQL for aggregates, alerts, forecasts and deliveries (off when url is unset). */
public final class JdbcSection {
  /** {@code jdbc:postgresql://host:5432/db}; no PostgreSQL output when unset. */
  public String url;
  public String user;
  /** Name of the environment variable that holds the password (never the password itself). */
  public String passwordEnv;

  void validate() {
    if (url == null) {
      if (user != null || passwordEnv != null) throw new ConfigException("jdbc.user/jdbc.password-env need jdbc.url");
      return;
    }
    if (!url.startsWith("jdbc:postgresql:")) throw new ConfigException("jdbc.url must start with jdbc:postgresql:");
  }
}
