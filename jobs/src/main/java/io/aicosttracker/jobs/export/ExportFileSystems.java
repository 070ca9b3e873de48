package io.aicosttracker.jobs.export;

import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.PluginUtils;

/**
 * Makes {@code s3://} destinations work in a local run: loads Flink's file-system plugins (the
 * {@code flink-s3-fs-hadoop} plugin from {@code $FLINK_PLUGINS_DIR/s3-fs-hadoop/}) and passes the
 * S3 settings.
 *
 * <p>The plugin bundles its own Hadoop, Guava and Jackson, so it is loaded in its own class loader
 * and never put on the classpath. Settings come from {@code $FLINK_CONF_DIR/config.yaml} when set,
 * then from the environment: {@code S3_ENDPOINT} (or {@code AWS_ENDPOINT_URL_S3},
 * {@code AWS_ENDPOINT_URL}), {@code S3_PATH_STYLE_ACCESS=true}, {@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY}; without keys the plugin uses the default AWS credential chain.
 * The secret is never logged or printed.
 */
public final class ExportFileSystems {
  private ExportFileSystems() {}

  /** Initializes Flink's file systems with the S3 settings of {@code env} (usually {@code System.getenv()}). */
  public static Configuration initialize(Map<String, String> env) {
    Configuration conf = new Configuration();
    String confDir = env.get("FLINK_CONF_DIR");
    if (confDir != null && !confDir.isBlank()) {
      try {
        conf = GlobalConfiguration.loadConfiguration(confDir);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("cannot read Flink configuration in FLINK_CONF_DIR=" + confDir + ": " + e.getMessage());
      }
    }
    setFromEnv(conf, "s3.endpoint", env, "S3_ENDPOINT", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");
    setFromEnv(conf, "s3.path.style.access", env, "S3_PATH_STYLE_ACCESS");
    setFromEnv(conf, "s3.access-key", env, "AWS_ACCESS_KEY_ID");
    setFromEnv(conf, "s3.secret-key", env, "AWS_SECRET_ACCESS_KEY");
    setFromEnv(conf, "s3.endpoint.region", env, "AWS_REGION", "AWS_DEFAULT_REGION");
    FileSystem.initialize(conf, PluginUtils.createPluginManagerFromRootFolder(conf));
    return conf;
  }

  private static void setFromEnv(Configuration conf, String key, Map<String, String> env, String... names) {
    for (String name : names) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        conf.setString(key, v);
        return;
      }
    }
  }
}
