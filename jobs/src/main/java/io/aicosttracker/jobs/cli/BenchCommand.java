package io.aicosttracker.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cost-tracker bench ...}: benchmarks that print figures (not tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures.",
    subcommands = {AnomalyBenchCommand.class, CommandLine.HelpCommand.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
