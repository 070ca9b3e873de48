package io.aicosttracker.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aicosttracker.sql.testing.PostgresTestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migrations against a real PostgreSQL: apply once, re-run as a no-op, read-only role. */
class SchemaMigrationITCase {
  static final List<String> TABLES = List.of(
      "alerts", "anomalies", "budget_status", "budgets", "dead_letter_counts", "forecasts",
      "notification_deliveries", "usage_daily", "usage_hourly");

  static PostgresTestServer pg;

  @BeforeAll
  static void start() throws IOException {
    pg = PostgresTestServer.start();
  }

  @AfterAll
  static void stop() throws IOException {
    pg.close();
  }

  @Test
  void appliesToAnEmptyDatabaseAndASecondRunChangesNothing() throws SQLException {
    String url = pg.newDatabase();
    SchemaMigrator migrator = new SchemaMigrator(url, PostgresTestServer.SUPERUSER, null);

    SchemaMigrator.Result first = migrator.migrate();
    assertThat(first.versionBefore()).isNull();
    assertThat(first.applied()).isGreaterThanOrEqualTo(5);
    List<String> schemaAfterFirst = describeSchema(url);
    assertThat(tables(url)).containsAll(TABLES);

    SchemaMigrator.Result second = migrator.migrate();
    assertThat(second.applied()).isZero();
    assertThat(second.versionAfter()).isEqualTo(first.versionAfter());
    assertThat(second.describe()).contains("nothing applied");
    assertThat(describeSchema(url)).isEqualTo(schemaAfterFirst);
  }

  @Test
  void everyTableHasAPrimaryKeyForUpserts() throws SQLException {
    String url = pg.newMigratedDatabase();
    try (Connection c = PostgresTestServer.connectUrl(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT t.table_name FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'"
                + " AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints k WHERE k.table_name = t.table_name"
                + " AND k.constraint_type = 'PRIMARY KEY')")) {
      List<String> withoutKey = new ArrayList<>();
      while (rs.next()) withoutKey.add(rs.getString(1));
      assertThat(withoutKey).isEmpty();
    }
  }

  @Test
  void aDatabaseThatIsDownGivesOneClearLine() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/costs?password=hunter2";
    assertThatThrownBy(() -> new SchemaMigrator(url, "costs", "secret-pw").migrate())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort + "/costs?...")
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("secret-pw")
        .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
  }

  @Test
  void rejectsANonPostgresUrl() {
    assertThatThrownBy(() -> new SchemaMigrator("jdbc:mysql://x/y", "u", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a PostgreSQL JDBC URL");
  }

  @Test
  void grafanaReaderCanSelectAndNothingElse() throws SQLException {
    String url = pg.newMigratedDatabase();
    SchemaMigrator migrator = new SchemaMigrator(url, PostgresTestServer.SUPERUSER, null);
    migrator.setReaderPassword("r3ader'pw");
    try (Connection admin = PostgresTestServer.connectUrl(url); Statement s = admin.createStatement()) {
      s.execute("INSERT INTO usage_daily (window_start, project, provider, model, source, events, requests, input_tokens,"
          + " output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, cost_usd, unpriced_events)"
          + " VALUES ('2026-09-01Z', 'search', 'openai', 'gpt-4o', 'api', 1, 1, 10, 5, 0, 0, 0, 0.5, 0)");
      // a table created after the role: default privileges make it readable too
      s.execute("CREATE TABLE later_table (id int PRIMARY KEY)");
    }
    try (Connection reader = DriverManager.getConnection(url, SchemaMigrator.READER_ROLE, "r3ader'pw");
        Statement s = reader.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM usage_daily")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(1);
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM v_month_over_month")) {
        assertThat(rs.next()).isTrue();
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM later_table")) {
        assertThat(rs.next()).isTrue();
      }
      // the session default is read-only; even with it switched off, privileges refuse writes
      s.execute("SET default_transaction_read_only = off");
      for (String sql : List.of(
          "INSERT INTO usage_daily (window_start, project, provider, model, source, events, requests, input_tokens,"
              + " output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, cost_usd, unpriced_events)"
              + " VALUES ('2026-09-02Z', 'x', 'openai', 'gpt-4o', 'api', 1, 1, 1, 1, 0, 0, 0, 1, 0)",
          "UPDATE usage_daily SET cost_usd = 0",
          "DELETE FROM usage_daily",
          "TRUNCATE usage_daily",
          "DROP TABLE usage_daily",
          "DROP VIEW v_month_over_month",
          "ALTER TABLE alerts ADD COLUMN x int",
          "CREATE TABLE mine (id int)")) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql).isIn("42501"));
      }
    }
    try (Connection admin = PostgresTestServer.connectUrl(url); Statement s = admin.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), sum(cost_usd) FROM usage_daily")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1);
      assertThat(rs.getDouble(2)).isEqualTo(0.5);
    }
  }

  private static List<String> tables(String url) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = PostgresTestServer.connectUrl(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  /** Every column, index, view definition and history row: equal lists mean an unchanged schema. */
  private static List<String> describeSchema(String url) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = PostgresTestServer.connectUrl(url); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns"
          + " WHERE table_schema = 'public' ORDER BY 1, 2")) {
        while (rs.next()) out.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3));
      }
      try (ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1")) {
        while (rs.next()) out.add(rs.getString(1));
      }
      try (ResultSet rs = s.executeQuery("SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY 1")) {
        while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2));
      }
      try (ResultSet rs = s.executeQuery("SELECT installed_rank, version, checksum FROM flyway_schema_history ORDER BY 1")) {
        while (rs.next()) out.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getInt(3));
      }
    }
    return out;
  }
}
