package io.aicosttracker.sql.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aicosttracker.sql.SchemaMigrator;
import io.aicosttracker.sql.testing.PostgresTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every panel, variable and annotation query of every dashboard runs against the migrated schema
 * filled with sample data, as the read-only Grafana role, with Grafana's macros and variables
 * expanded; and the dashboard JSON is consistent with the provisioned datasource.
 */
class GrafanaDashboardsITCase {
  private static final Path GRAFANA = Path.of("..", "grafana");
  private static final List<String> VARIABLES = List.of("project", "provider", "model", "source");
  private static final ObjectMapper JSON = new ObjectMapper();

  static PostgresTestServer pg;
  static String url;

  @BeforeAll
  static void start() throws Exception {
    pg = PostgresTestServer.start();
    url = pg.newMigratedDatabase();
    new SchemaMigrator(url, PostgresTestServer.SUPERUSER, null).setReaderPassword("reader-pw");
    try (InputStream in = GrafanaDashboardsITCase.class.getResourceAsStream("/sample-data.sql");
        Connection c = PostgresTestServer.connectUrl(url); Statement s = c.createStatement()) {
      s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @AfterAll
  static void stop() throws IOException {
    pg.close();
  }

  static String datasourceUid() throws IOException {
    String yaml = Files.readString(GRAFANA.resolve("provisioning/datasources/ai-cost-tracker.yaml"));
    Matcher m = Pattern.compile("(?m)^\\s+uid:\\s*(\\S+)\\s*$").matcher(yaml);
    assertThat(m.find()).as("datasource uid in provisioning").isTrue();
    assertThat(yaml).contains("user: grafana_reader").contains("password: ${GRAFANA_READER_PASSWORD}");
    return m.group(1);
  }

  static Map<String, JsonNode> dashboards() throws IOException {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode d = JSON.readTree(f.toFile());
        // Prometheus dashboards (pipeline health) are checked by the deployment tests, not against SQL
        if (d.toString().contains("\"ai-cost-tracker-prom\"") && !d.toString().contains("\"ai-cost-tracker-pg\"")) continue;
        out.put(f.getFileName().toString(), d);
      }
    }
    return out;
  }

  @Test
  void dashboardJsonIsConsistentWithTheProvisionedDatasource() throws IOException {
    String uid = datasourceUid();
    Map<String, JsonNode> dashboards = dashboards();
    assertThat(dashboards.keySet()).containsExactlyInAnyOrder("overview.json", "models.json", "source-transparency.json",
        "budgets-and-alerts.json", "anomalies.json", "notifications.json");
    assertThat(Files.readString(GRAFANA.resolve("provisioning/dashboards/ai-cost-tracker.yaml"))).contains("type: file");
    Set<String> uids = new HashSet<>();
    for (Map.Entry<String, JsonNode> e : dashboards.entrySet()) {
      JsonNode d = e.getValue();
      String name = e.getKey();
      assertThat(uids.add(d.path("uid").asText())).as(name + " uid unique").isTrue();
      assertThat(d.path("uid").asText()).as(name + " uid").isNotBlank().hasSizeLessThanOrEqualTo(40);
      assertThat(d.path("timezone").asText()).as(name + " follows the viewer's time zone").isEqualTo("browser");
      List<String> vars = new ArrayList<>();
      for (JsonNode v : d.path("templating").path("list")) {
        vars.add(v.path("name").asText());
        if (v.path("type").asText().equals("query")) assertThat(v.path("datasource").path("uid").asText()).as(name + " variable " + v.path("name")).isEqualTo(uid);
        assertThat(v.path("multi").asBoolean() && v.path("includeAll").asBoolean()).as(name + " variable " + v.path("name") + " multi/all").isTrue();
      }
      assertThat(vars).as(name + " variables").containsAll(VARIABLES);
      Set<Integer> ids = new HashSet<>();
      for (JsonNode p : d.path("panels")) {
        String panel = name + " / " + p.path("title").asText();
        assertThat(ids.add(p.path("id").asInt())).as(panel + " id unique").isTrue();
        assertThat(p.path("datasource").path("uid").asText()).as(panel + " datasource").isEqualTo(uid);
        assertThat(p.path("targets").size()).as(panel + " targets").isPositive();
        for (JsonNode t : p.path("targets")) {
          assertThat(t.path("datasource").path("uid").asText()).as(panel + " target datasource").isEqualTo(uid);
          assertThat(t.path("rawSql").asText()).as(panel + " rawSql").isNotBlank();
        }
      }
      for (JsonNode a : d.path("annotations").path("list")) {
        if (a.path("builtIn").asInt() == 1) continue;
        assertThat(a.path("datasource").path("uid").asText()).as(name + " annotation " + a.path("name")).isEqualTo(uid);
      }
    }
  }

  @Test
  void everyQueryRunsAsGrafanaReaderAndReturnsRowsWithAllValuesSelected() throws Exception {
    runEveryQuery(false);
  }

  @Test
  void everyQueryRunsWithOneValuePerVariable() throws Exception {
    runEveryQuery(true);
  }

  private void runEveryQuery(boolean firstValueOnly) throws Exception {
    Instant to = Instant.now();
    Instant from = to.minus(Duration.ofDays(30));
    int executed = 0;
    List<String> failures = new ArrayList<>();
    try (Connection reader = DriverManager.getConnection(url, SchemaMigrator.READER_ROLE, "reader-pw")) {
      for (Map.Entry<String, JsonNode> e : dashboards().entrySet()) {
        JsonNode d = e.getValue();
        // variables in order, each query seeing the ones before it, as Grafana refreshes them
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (JsonNode v : d.path("templating").path("list")) {
          String name = v.path("name").asText();
          List<String> options = new ArrayList<>();
          if (v.path("type").asText().equals("custom")) {
            for (String o : v.path("query").asText().split(",")) options.add(o.trim());
          } else {
            GrafanaSql sql = new GrafanaSql(from, to, "Europe/Berlin", "1h", values);
            for (List<Object> row : rows(reader, sql.expand(v.path("query").asText(), null))) options.add(String.valueOf(row.get(0)));
          }
          assertThat(options).as(e.getKey() + " variable " + name + " options").isNotEmpty();
          values.put(name, firstValueOnly ? List.of(options.get(0)) : options);
        }
        GrafanaSql sql = new GrafanaSql(from, to, "Europe/Berlin", "1h", values);
        for (JsonNode p : d.path("panels")) {
          for (JsonNode t : p.path("targets")) {
            String where = e.getKey() + " / " + p.path("title").asText() + " / " + t.path("refId").asText();
            executed++;
            check(reader, where, sql.expand(t.path("rawSql").asText(), p.path("interval").asText(null)), t.path("format").asText(), !firstValueOnly, failures);
          }
        }
        for (JsonNode a : d.path("annotations").path("list")) {
          if (a.path("builtIn").asInt() == 1) continue;
          executed++;
          check(reader, e.getKey() + " / annotation " + a.path("name").asText(), sql.expand(a.path("target").path("rawSql").asText(), null), "table", !firstValueOnly, failures);
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(executed).isGreaterThanOrEqualTo(35);
  }

  private static void check(Connection c, String where, String sql, String format, boolean mustHaveRows, List<String> failures) {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) columns.add(md.getColumnLabel(i));
      if (format.equals("time_series") && !columns.contains("time")) failures.add(where + ": time series without a \"time\" column " + columns);
      if (mustHaveRows && !rs.next()) failures.add(where + ": no rows");
    } catch (SQLException ex) {
      failures.add(where + ": " + ex.getMessage() + "\n" + sql);
    }
  }

  private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) row.add(rs.getObject(i));
        out.add(row);
      }
    }
    return out;
  }

  @Test
  void macroExpansionMatchesGrafana() {
    GrafanaSql sql = new GrafanaSql(Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-02T00:00:00Z"), "UTC", "1h",
        Map.of("project", List.of("search", "o'brien"), "projects", List.of("x")));
    assertThat(sql.expand("SELECT $__timeGroupAlias(t, $__interval), v FROM x WHERE $__timeFilter(t) AND p IN ($project) AND q IN (${projects})", null))
        .isEqualTo("SELECT floor(extract(epoch from t)/3600)*3600 AS \"time\", v FROM x WHERE t BETWEEN '2026-09-01T00:00:00Z' AND"
            + " '2026-09-02T00:00:00Z' AND p IN ('search','o''brien') AND q IN ('x')");
    assertThat(sql.expand("$__unixEpochFilter(ts) AND $__timeGroup(date_trunc('day', t), '1d') > $__timeFrom()", null))
        .isEqualTo("ts >= 1788220800 AND ts <= 1788307200 AND floor(extract(epoch from date_trunc('day', t))/86400)*86400 > '2026-09-01T00:00:00Z'");
  }

}
