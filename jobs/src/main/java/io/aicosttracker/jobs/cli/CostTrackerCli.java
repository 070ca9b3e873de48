package io.aicosttracker.jobs.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cost-tracker} command line: one entry point for local runs and for {@code flink run}.
 */
@Command(
    name = "cost-tracker",
    mixinStandardHelpOptions = true,
    version = "ai-cost-tracker 0.1.0",
    description = "Price, aggregate, forecast and alert on LLM usage with Apache Flink.",
    subcommands = {
      GenerateCommand.class,
      RunCommand.class,
      DemoCommand.class,
      DbCommand.class,
      BenchCommand.class,
      ForecastCommand.class,
      NotifyTestCommand.class,
      ExportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CostTrackerCli {
  public static void main(String[] args) {
    if (!FlinkClientContext.isActive()) System.exit(execute(args));
    // Under `flink run` or the REST API's /jars/run, main() runs inside the client or JobManager
    // JVM: System.exit would end that JVM (and every job of a session cluster), so a failure is
    // thrown to the submitter instead, with the one-line error as its message.
    StringWriter err = new StringWriter();
    CommandLine cli = commandLine();
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    System.err.print(err);
    if (code != 0) {
      String message = err.toString().trim();
      throw new IllegalStateException(message.isEmpty() ? "cost-tracker failed with exit code " + code : message);
    }
  }

  /** Runs a command line and returns its exit code (for tests and for {@link #main}). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  private static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new CostTrackerCli());
    cli.setExecutionExceptionHandler(new OneLineErrors());
    return cli;
  }
}
