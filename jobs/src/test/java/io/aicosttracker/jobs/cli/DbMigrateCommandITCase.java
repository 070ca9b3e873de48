package io.aicosttracker.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.sql.testing.PostgresTestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code cost-tracker db migrate} against a real PostgreSQL: applies once, then changes nothing. */
class DbMigrateCommandITCase {
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
  void migratesOnceThenReportsNothingToDo() throws Exception {
    String url = pg.newDatabase();
    Run first = run("db", "migrate", "--jdbc-url", url, "--user", "postgres");
    assertThat(first.code).isZero();
    assertThat(first.out).contains("applied 7 migration(s): version empty -> 7");
    Run second = run("db", "migrate", "--jdbc-url", url, "--user", "postgres");
    assertThat(second.code).isZero();
    assertThat(second.out).contains("schema up to date at version 7 (nothing applied)");
  }

  @Test
  void aDatabaseThatIsDownIsOneLineAndExitCodeOne() throws Exception {
    Run r = run("db", "migrate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/costs?password=topsecret", "--user", "postgres");
    assertThat(r.code).isEqualTo(1);
    assertThat(r.err.strip()).startsWith("error: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/costs?...").doesNotContain("topsecret");
    assertThat(r.err.strip().lines().count()).isEqualTo(1);
  }

  record Run(int code, String out, String err) {}

  private static synchronized Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = CostTrackerCli.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
