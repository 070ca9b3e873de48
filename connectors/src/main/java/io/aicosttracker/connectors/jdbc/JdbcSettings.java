package io.aicosttracker.connectors.jdbc;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;

/**
 * Where and how the JDBC sinks write: URL, user, password (read from an environment variable),
 * batching and retries.
 *
 * <p>{@link #toString()} never shows the password or the URL's query string.
 */
public final class JdbcSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String url;
  private final String user;
  private final String password;
  private int batchSize = 500;
  private long batchIntervalMs = 1000;
  private int maxRetries = 5;

  public JdbcSettings(String url, String user, String password) {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("--jdbc-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), got: " + redact(url));
    }
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * Settings with the password taken from environment variable {@code passwordEnv} (null: no
   * password); {@code env} is {@link System#getenv(String)} outside tests.
   */
  public static JdbcSettings fromEnvironment(String url, String user, String passwordEnv, Function<String, String> env) {
    String password = null;
    if (passwordEnv != null) {
      password = env.apply(passwordEnv);
      if (password == null) throw new IllegalArgumentException("environment variable " + passwordEnv + " (the database password) is not set");
    }
    return new JdbcSettings(url, user, password);
  }

  public JdbcSettings batchSize(int rows) {
    if (rows < 1) throw new IllegalArgumentException("JDBC batch size must be >= 1");
    this.batchSize = rows;
    return this;
  }

  public JdbcSettings batchIntervalMs(long ms) {
    if (ms < 0) throw new IllegalArgumentException("JDBC batch interval must be >= 0");
    this.batchIntervalMs = ms;
    return this;
  }

  public JdbcSettings maxRetries(int retries) {
    if (retries < 0) throw new IllegalArgumentException("JDBC retries must be >= 0");
    this.maxRetries = retries;
    return this;
  }

  public String url() {
    return url;
  }

  JdbcConnectionOptions connectionOptions() {
    JdbcConnectionOptions.JdbcConnectionOptionsBuilder b =
        new JdbcConnectionOptions.JdbcConnectionOptionsBuilder().withUrl(url).withDriverName("org.postgresql.Driver");
    if (user != null) b.withUsername(user);
    if (password != null) b.withPassword(password);
    return b.build();
  }

  JdbcExecutionOptions executionOptions() {
    return JdbcExecutionOptions.builder().withBatchSize(batchSize).withBatchIntervalMs(batchIntervalMs).withMaxRetries(maxRetries).build();
  }

  /**
   * Connects once and checks that {@code tables} exist, so a database that is down or not
   * migrated fails the job at start with one line instead of deep inside a task.
   */
  public void checkReady(List<String> tables) {
    Properties p = new Properties();
    if (user != null) p.setProperty("user", user);
    if (password != null) p.setProperty("password", password);
    p.setProperty("connectTimeout", "10");
    try (Connection c = DriverManager.getConnection(url, p)) {
      List<String> missing = new ArrayList<>();
      for (String t : tables) {
        try (ResultSet rs = c.getMetaData().getTables(null, null, t, new String[] {"TABLE"})) {
          if (!rs.next()) missing.add(t);
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("PostgreSQL at " + redact(url) + " lacks table(s) " + missing + "; run: cost-tracker db migrate --jdbc-url ...");
      }
    } catch (SQLException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      throw new IllegalStateException("cannot connect to PostgreSQL at " + redact(url) + ": " + m);
    }
  }

  /** The URL without its query string (which may hold a password). */
  public static String redact(String url) {
    if (url == null) return null;
    int q = url.indexOf('?');
    return (q < 0 ? url : url.substring(0, q) + "?...").replaceAll("//[^/@]*@", "//***@");
  }

  @Override
  public String toString() {
    return "JdbcSettings{" + redact(url) + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "}";
  }
}
