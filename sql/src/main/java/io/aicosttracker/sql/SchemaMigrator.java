package io.aicosttracker.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the PostgreSQL schema (Flyway migrations in {@code db/migration} of this jar).
 *
 * <p>Running it again on a migrated database applies nothing. A database that cannot be reached
 * fails fast with one line naming the URL (without credentials), not a Flyway stack trace.
 *
 * <pre>{@code
 * SchemaMigrator.Result r = new SchemaMigrator(url, "costtracker", password).migrate();
 * }</pre>
 */
public final class SchemaMigrator {
  /** Where the migrations live in the jar. */
  public static final String LOCATION = "classpath:db/migration";
  /** The read-only role the migrations create for Grafana. */
  public static final String READER_ROLE = "grafana_reader";

  private final String jdbcUrl;
  private final String user;
  private final String password;

  public SchemaMigrator(String jdbcUrl, String user, String password) {
    this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db): " + JdbcUrls.redact(jdbcUrl));
    }
    this.user = user;
    this.password = password;
  }

  /** What a migration run did. */
  public record Result(String versionBefore, String versionAfter, int applied) {
    public String describe() {
      return applied == 0
          ? "schema up to date at version " + versionAfter + " (nothing applied)"
          : "applied " + applied + " migration(s): version " + (versionBefore == null ? "empty" : versionBefore) + " -> " + versionAfter;
    }
  }

  /** Applies every pending migration; throws {@link IllegalStateException} with one line if the database is unreachable. */
  public Result migrate() {
    checkReachable();
    MigrateResult r = flyway().migrate();
    String after = r.targetSchemaVersion != null ? r.targetSchemaVersion : r.initialSchemaVersion;
    return new Result(r.initialSchemaVersion, after, r.migrationsExecuted);
  }

  /** Gives the read-only role a login password (kept out of the migrations and their history). */
  public void setReaderPassword(String readerPassword) {
    if (readerPassword == null || readerPassword.isEmpty()) throw new IllegalArgumentException("empty password for " + READER_ROLE);
    try (Connection c = connect();
        PreparedStatement format = c.prepareStatement("SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', ?, ?)")) {
      format.setString(1, READER_ROLE);
      format.setString(2, readerPassword);
      String ddl;
      try (ResultSet rs = format.executeQuery()) {
        rs.next();
        ddl = rs.getString(1);
      }
      try (Statement s = c.createStatement()) {
        s.execute(ddl);
      }
    } catch (SQLException e) {
      // the statement text holds the password: report only the server's reason
      throw new IllegalStateException("cannot set the password of " + READER_ROLE + ": " + e.getSQLState() + " " + firstLine(e.getMessage()).replace(readerPassword, "***"));
    }
  }

  Flyway flyway() {
    return Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(jdbcUrl, user, password)
        .locations(LOCATION)
        .failOnMissingLocations(true)
        .validateMigrationNaming(true)
        .load();
  }

  private void checkReachable() {
    try (Connection ignored = connect()) {
      // reachable and credentials accepted
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to PostgreSQL at " + JdbcUrls.redact(jdbcUrl) + ": " + firstLine(e.getMessage()));
    }
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    if (user != null) p.setProperty("user", user);
    if (password != null) p.setProperty("password", password);
    p.putIfAbsent("connectTimeout", "10");
    return DriverManager.getConnection(jdbcUrl, p);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
