package io.aicosttracker.connectors.notify.channels;

import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.Personalization;
import io.aicosttracker.connectors.notify.NotificationChannel;
import io.aicosttracker.connectors.notify.Secret;
import io.aicosttracker.connectors.notify.SendResult;
import io.aicosttracker.connectors.notify.message.AlertMessage;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClients;

/**
 * Email through SendGrid's v3 {@code mail/send} API (sendgrid-java): one personalization with every
 * recipient, plain-text and HTML bodies, the alert id as {@code X-Alert-Id} header and custom arg.
 *
 * <p>{@code apiHost} points the client elsewhere (tests: {@code 127.0.0.1:port} with {@code
 * insecureHttp}); a 4xx comes back as a response, not an exception.
 */
public final class SendGridEmailChannel implements NotificationChannel {
  private final SendGrid sendGrid;
  private final Secret apiKey;
  private final String from;
  private final List<String> to;
  private final String host;

  public SendGridEmailChannel(Secret apiKey, String from, List<String> to, String apiHost, boolean insecureHttp, Duration timeout) {
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    RequestConfig rc = RequestConfig.custom().setConnectTimeout(ms).setConnectionRequestTimeout(ms).setSocketTimeout(ms).build();
    Client client = new Client(HttpClients.custom().setDefaultRequestConfig(rc).build(), insecureHttp);
    this.sendGrid = new SendGrid(apiKey.reveal(), client);
    if (apiHost != null) sendGrid.setHost(apiHost);
    this.host = apiHost == null ? "api.sendgrid.com" : apiHost;
    this.apiKey = apiKey;
    this.from = from;
    this.to = List.copyOf(to);
  }

  @Override
  public SendResult send(AlertMessage m) {
    Request request = new Request();
    request.setMethod(Method.POST);
    request.setEndpoint("mail/send");
    try {
      request.setBody(mail(m).build());
      Response r = sendGrid.api(request);
      return SendResult.fromStatus(r.getStatusCode(), retryAfter(r.getHeaders()), apiKey.scrub(r.getBody()));
    } catch (SocketTimeoutException e) {
      return SendResult.noAnswer("SendGrid (" + host + ") timed out");
    } catch (IOException e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
      return SendResult.noAnswer(apiKey.scrub("SendGrid (" + host + "): " + msg));
    }
  }

  Mail mail(AlertMessage m) {
    Mail mail = new Mail();
    mail.setFrom(new Email(from, "AI Cost Tracker"));
    mail.setSubject(m.subject());
    Personalization p = new Personalization();
    for (String address : to) p.addTo(new Email(address));
    mail.addPersonalization(p);
    // text/plain must come before text/html in SendGrid's content array
    mail.addContent(new Content("text/plain", m.text()));
    mail.addContent(new Content("text/html", m.html()));
    mail.addHeader("X-Alert-Id", m.alertId());
    mail.addCustomArg("alert_id", m.alertId());
    mail.addCategory(m.test() ? "cost-alert-test" : "cost-alert");
    return mail;
  }

  /** SendGrid answers 429 with {@code X-RateLimit-Reset} (epoch seconds); honour Retry-After too. */
  private static Duration retryAfter(Map<String, String> headers) {
    if (headers == null) return null;
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase("Retry-After")) return RetryAfter.parse(h.getValue());
    }
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase("X-RateLimit-Reset")) {
        try {
          Duration d = Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(h.getValue().trim())));
          return d.isNegative() ? Duration.ZERO : d;
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }
}
