package io.aicosttracker.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.connectors.export.ExportFormat;
import io.aicosttracker.connectors.export.ParquetCompression;
import io.aicosttracker.core.export.ExportSchema;
import io.aicosttracker.core.export.NativeSchemas;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import io.aicosttracker.jobs.pipeline.PipelineOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Exports to {@code s3://} through Flink's S3 plugin against a real S3-compatible server (s3proxy,
 * in-process on 127.0.0.1), then lists and reads the objects back with the AWS SDK.
 */
class S3ExportITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final String ACCESS = "export-test-access";
  private static final String SECRET = "export-test-secret-value";
  private static final String BUCKET = "cost-exports";

  @TempDir static Path tmp;
  static S3Proxy proxy;
  static S3Client s3;
  static Map<String, String> env;

  @BeforeAll
  static void startS3() throws Exception {
    BlobStoreContext blobs = ContextBuilder.newBuilder("transient").credentials(ACCESS, SECRET).build(BlobStoreContext.class);
    proxy =
        S3Proxy.builder()
            .blobStore(blobs.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
            .build();
    proxy.start();
    for (int i = 0; i < 100 && !"STARTED".equals(proxy.getState()); i++) Thread.sleep(50);
    String endpoint = "http://127.0.0.1:" + proxy.getPort();
    s3 =
        S3Client.builder()
            .endpointOverride(URI.create(endpoint))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    s3.createBucket(b -> b.bucket(BUCKET));
    env = new HashMap<>();
    env.put("S3_ENDPOINT", endpoint);
    env.put("S3_PATH_STYLE_ACCESS", "true");
    env.put("AWS_ACCESS_KEY_ID", ACCESS);
    env.put("AWS_SECRET_ACCESS_KEY", SECRET);
    env.put("AWS_REGION", "us-east-1");
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) s3.close();
    if (proxy != null) proxy.stop();
  }

  @Test
  void parquetSnapshotOnS3IsListedAndReadBackWithTheAwsSdk() throws Exception {
    List<UsageEvent> events = ExportTestData.events(1500);
    List<PricedUsage> priced = ExportTestData.priced(events);
    Path input = ExportTestData.writeJsonLines(events, tmp.resolve("in/events.jsonl"));
    ExportSpec spec =
        new ExportSpec(ExportDataset.PRICED_EVENTS, ExportFormat.PARQUET, ExportSchemaKind.NATIVE, ParquetCompression.SNAPPY,
            "s3://" + BUCKET + "/snapshots/priced", ExportFilter.all(), true);
    ExportSummary summary = new ExportJob(List.of(input), spec, new PipelineOptions(), 2).environment(env).run();
    assertThat(summary.rows()).isEqualTo(priced.size());

    List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("snapshots/priced/")).contents().stream().map(S3Object::key).sorted().toList();
    assertThat(keys).contains("snapshots/priced/_manifest.json");
    List<String> dataKeys = keys.stream().filter(k -> !k.endsWith("_manifest.json")).toList();
    assertThat(dataKeys).isNotEmpty().allSatisfy(k -> assertThat(k).matches("snapshots/priced/dt=2026-09-0[1-3]/priced-events-[^/]+\\.parquet"));

    JsonNode manifest = new ObjectMapper().readTree(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("snapshots/priced/_manifest.json")).asByteArray());
    assertThat(manifest.get("rows").asLong()).isEqualTo(priced.size());
    assertThat(manifest.get("files")).hasSize(dataKeys.size());
    Path local = tmp.resolve("downloaded");
    for (JsonNode f : manifest.get("files")) {
      byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("snapshots/priced/" + f.get("path").asText())).asByteArray();
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).isEqualTo(f.get("sha256").asText());
      Path p = local.resolve(f.get("path").asText());
      Files.createDirectories(p.getParent());
      Files.write(p, bytes);
    }
    ExportSchema<PricedUsage> schema = NativeSchemas.pricedEvents();
    assertThat(ExportTestData.byKey(ExportTestData.readParquet(schema, local), "event_id"))
        .isEqualTo(ExportTestData.expected(schema, priced, "event_id"));
  }
}
