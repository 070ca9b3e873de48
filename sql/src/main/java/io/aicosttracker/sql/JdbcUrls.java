package io.aicosttracker.sql;

/** Helpers for JDBC URLs that may carry credentials. */
public final class JdbcUrls {
  private JdbcUrls() {}

  /** The URL without its query string, which may hold {@code password=...}, for messages and logs. */
  public static String redact(String jdbcUrl) {
    if (jdbcUrl == null) return null;
    int q = jdbcUrl.indexOf('?');
    String base = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q) + "?...";
    // jdbc:postgresql://user:secret@host/db is not valid for the driver, but hide it if given
    return base.replaceAll("//[^/@]*@", "//***@");
  }
}
