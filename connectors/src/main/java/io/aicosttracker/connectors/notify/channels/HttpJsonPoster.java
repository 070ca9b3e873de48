package io.aicosttracker.connectors.notify.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.connectors.notify.Secret;
import io.aicosttracker.connectors.notify.SendResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * POSTs JSON to a secret webhook URL with {@link HttpClient}, classifies the answer and keeps the
 * URL (which carries the webhook's token) out of every error.
 */
public final class HttpJsonPoster {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient client;
  private final Secret url;
  private final URI uri;
  private final Duration timeout;

  /**
   * @throws IllegalArgumentException if the URL is not http(s), or http without {@code allowInsecureHttp}
   */
  public HttpJsonPoster(String channel, Secret url, boolean allowInsecureHttp, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    URI parsed;
    try {
      parsed = URI.create(url.reveal());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("channel " + channel + ": webhook URL (" + url + ") is not a valid URL");
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") && !allowInsecureHttp) {
      throw new IllegalArgumentException(
          "channel " + channel + ": webhook URL (" + url + ") must use https (set allow_insecure_http: true to allow http)");
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("channel " + channel + ": webhook URL (" + url + ") must be an https URL");
    }
    this.uri = parsed;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
  }

  public SendResult post(JsonNode body, Map<String, String> headers) throws Exception {
    return post(MAPPER.writeValueAsBytes(body), headers);
  }

  public SendResult post(byte[] body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "ai-cost-tracker-notifier/0.1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Duration retryAfter = RetryAfter.parse(r.headers().firstValue("Retry-After").orElse(null));
      SendResult result = SendResult.fromStatus(r.statusCode(), retryAfter, r.body());
      return result.error() == null ? result : withError(result, scrub(result.error()));
    } catch (HttpTimeoutException e) {
      return SendResult.noAnswer("timed out after " + timeout.toMillis() + " ms");
    } catch (java.net.ConnectException e) {
      return SendResult.noAnswer("connection refused or unreachable (" + uri.getHost() + ")");
    } catch (java.io.IOException e) {
      String m = e.getMessage() == null ? "" : ": " + e.getMessage();
      return SendResult.noAnswer(scrub(e.getClass().getSimpleName() + m));
    }
  }

  /** Removes the URL and its path and query (where webhook tokens live) from text a server sent back. */
  String scrub(String text) {
    String out = url.scrub(text);
    for (String part : new String[] {uri.getRawPath(), uri.getRawQuery(), uri.getPath(), uri.getQuery()}) {
      if (part != null && part.length() > 1) out = out.replace(part, "****");
    }
    return out;
  }

  private static SendResult withError(SendResult r, String error) {
    return new SendResult(r.httpStatus(), r.ok(), r.retryable(), r.retryAfter(), error);
  }
}
