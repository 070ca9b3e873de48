package io.aicosttracker.jobs.cli;

import io.aicosttracker.sql.SchemaMigrator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cost-tracker db ...}: database administration (schema migrations). */
@Command(name = "db", mixinStandardHelpOptions = true, description = "PostgreSQL schema administration.",
    subcommands = {DbCommand.Migrate.class})
public final class DbCommand {

  /** {@code cost-tracker db migrate}: applies the Flyway migrations; a second run changes nothing. */
  @Command(name = "migrate", mixinStandardHelpOptions = true,
      description = "Create or upgrade the PostgreSQL schema (tables, Grafana views, grafana_reader role). Safe to re-run.")
  static final class Migrate implements Callable<Integer> {
    @Option(names = "--jdbc-url", required = true, description = "jdbc:postgresql://host:port/database")
    String jdbcUrl;

    @Option(names = "--user", description = "Database user that owns the schema (needs CREATEROLE the first time).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the user's password.")
    String passwordEnv;

    @Option(names = "--grafana-password-env", paramLabel = "VAR",
        description = "Environment variable with a password to give grafana_reader a login (optional).")
    String grafanaPasswordEnv;

    @Override
    public Integer call() {
      SchemaMigrator migrator = new SchemaMigrator(jdbcUrl, user, env(passwordEnv, "the database password"));
      SchemaMigrator.Result result = migrator.migrate();
      System.out.println(result.describe());
      if (grafanaPasswordEnv != null) {
        migrator.setReaderPassword(env(grafanaPasswordEnv, "the grafana_reader password"));
        System.out.println(SchemaMigrator.READER_ROLE + " can log in (password from $" + grafanaPasswordEnv + ")");
      }
      return 0;
    }

    private static String env(String var, String what) {
      if (var == null) return null;
      String v = System.getenv(var);
      if (v == null) throw new IllegalArgumentException("environment variable " + var + " (" + what + ") is not set");
      return v;
    }
  }
}
