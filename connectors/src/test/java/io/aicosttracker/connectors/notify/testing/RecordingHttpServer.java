package io.aicosttracker.connectors.notify.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 standing in for SendGrid, Slack, Discord, Teams or a webhook
 * receiver: records every request and answers with a scripted {@link Reply} per request.
 */
public final class RecordingHttpServer implements AutoCloseable {
  /** A recorded request; header names lower-cased. */
  public record Received(String method, String path, Map<String, String> headers, String body, long atNanos, long atMillis) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** What to answer: status, extra headers, body, and a delay before answering. */
  public record Reply(int status, Map<String, String> headers, String body, long delayMs) {
    public static Reply ok() {
      return new Reply(200, Map.of(), "ok", 0);
    }

    public static Reply status(int status) {
      return new Reply(status, Map.of(), "status " + status, 0);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-http");
    t.setDaemon(true);
    return t;
  });
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<Received, Reply> behaviour = r -> Reply.ok();

  public RecordingHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    Map<String, String> headers = new java.util.HashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
    Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(), headers,
        new String(body, StandardCharsets.UTF_8), System.nanoTime(), System.currentTimeMillis());
    received.add(r);
    Reply reply = behaviour.apply(r);
    try {
      if (reply.delayMs() > 0) Thread.sleep(reply.delayMs());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
    try {
      ex.sendResponseHeaders(reply.status(), reply.status() == 204 ? -1 : out.length);
      if (reply.status() != 204) ex.getResponseBody().write(out);
    } catch (IOException ignored) {
      // the client gave up (timeout test): nothing to answer
    } finally {
      ex.close();
    }
  }

  public void behave(Function<Received, Reply> behaviour) {
    this.behaviour = behaviour;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<Received> receivedAt(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  public void reset() {
    received.clear();
    behaviour = r -> Reply.ok();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
