package io.aicosttracker.jobs.cli;

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
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code (for tests and for {@link #main}). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new CostTrackerCli());
    cli.setExecutionExceptionHandler(new OneLineErrors());
    return cli.execute(args);
  }
}
