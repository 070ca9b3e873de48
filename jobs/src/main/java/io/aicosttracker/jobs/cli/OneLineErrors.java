package io.aicosttracker.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command as one line ({@code error: ...}) instead of a stack trace; bad input
 * exits 2, anything else 1. {@code COST_TRACKER_DEBUG=1} prints the stack trace too.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parseResult) {
    Throwable root = ex;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String message = ex instanceof IllegalArgumentException ? ex.getMessage() : describe(root);
    cli.getErr().println("error: " + message);
    if ("1".equals(System.getenv("COST_TRACKER_DEBUG"))) ex.printStackTrace(cli.getErr());
    return ex instanceof IllegalArgumentException ? 2 : 1;
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }
}
