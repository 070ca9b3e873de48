package io.aicosttracker.connectors.notify.channels;

import io.aicosttracker.connectors.notify.NotificationChannel;
import io.aicosttracker.connectors.notify.config.ChannelConfig;
import java.time.Clock;
import java.util.function.Function;

/** Builds a {@link NotificationChannel} from its configuration, resolving its secrets. */
public final class Channels {
  private Channels() {}

  public static NotificationChannel create(ChannelConfig c) {
    return create(c, System::getenv);
  }

  /** As {@link #create(ChannelConfig)} with {@code env} standing in for the environment. */
  public static NotificationChannel create(ChannelConfig c, Function<String, String> env) {
    try {
      return switch (c.type()) {
        case SENDGRID -> new SendGridEmailChannel(c.apiKey().resolve(env), c.from(), c.to(), c.apiHost(), c.allowInsecureHttp(), c.timeout());
        case SLACK -> new SlackChannel(poster(c, env));
        case DISCORD -> new DiscordChannel(poster(c, env), c.username());
        case TEAMS -> new TeamsChannel(poster(c, env));
        case WEBHOOK -> new SignedWebhookChannel(poster(c, env), c.secret().resolve(env), Clock.systemUTC());
      };
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new IllegalArgumentException(m.startsWith("channel ") ? m : "channel " + c.name() + ": " + m, e);
    }
  }

  private static HttpJsonPoster poster(ChannelConfig c, Function<String, String> env) {
    return new HttpJsonPoster(c.name(), c.url().resolve(env), c.allowInsecureHttp(), c.timeout());
  }
}
