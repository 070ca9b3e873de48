package io.aicosttracker.connectors.notify;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a secret lives: an environment variable ({@code env:NAME}) or a file ({@code file:PATH},
 * trailing newline trimmed). Configuration holds only these references, never the values.
 */
public record SecretRef(Kind kind, String name) implements Serializable {
  /** The kinds of secret reference. */
  public enum Kind {
    ENV,
    FILE
  }

  public static SecretRef env(String variable) {
    return new SecretRef(Kind.ENV, variable);
  }

  public static SecretRef file(String path) {
    return new SecretRef(Kind.FILE, path);
  }

  /** Resolves against the process environment and file system. */
  public Secret resolve() {
    return resolve(System::getenv);
  }

  /** Resolves with {@code env} standing in for the environment (tests, embedding). */
  public Secret resolve(Function<String, String> env) {
    String value;
    switch (kind) {
      case ENV -> {
        value = env.apply(name);
        if (value == null || value.isBlank()) {
          throw new IllegalArgumentException("environment variable " + name + " is not set");
        }
      }
      case FILE -> {
        try {
          value = Files.readString(Path.of(name), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
          throw new IllegalArgumentException("cannot read secret file " + name + ": " + e.getClass().getSimpleName());
        }
        if (value.isEmpty()) throw new IllegalArgumentException("secret file " + name + " is empty");
      }
      default -> throw new IllegalStateException(kind.toString());
    }
    return new Secret(value, describe());
  }

  /** {@code env:NAME} or {@code file:PATH}: safe to print. */
  public String describe() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
  }

  /** A map-backed environment for {@link #resolve(Function)}. */
  public static Function<String, String> envOf(Map<String, String> vars) {
    return vars::get;
  }

  @Override
  public String toString() {
    return describe();
  }
}
