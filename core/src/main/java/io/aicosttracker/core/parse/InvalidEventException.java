package io.aicosttracker.core.parse;

/** A usage record that fails parsing or validation; the message is the dead-letter reason. */
public class InvalidEventException extends Exception {
  public InvalidEventException(String message) {
    super(message, null, false, false);
  }
}
