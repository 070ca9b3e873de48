package io.aicosttracker.jobs.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.core.format.AggregateCsv;
import io.aicosttracker.core.records.CostAggregate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregateFilesTest {
  @TempDir Path dir;

  @Test
  void readsRowsWhoseQuotedNamesHoldLineBreaksAndCommas() throws Exception {
    CostAggregate a = new CostAggregate();
    a.windowStart = 0;
    a.project = "team \"x\",\nsecond line";
    a.provider = "openai";
    a.model = "gpt-4o";
    a.source = "api";
    a.requests = 3;
    a.costUsd = 1.5;
    Files.createDirectories(dir.resolve("part"));
    Files.writeString(dir.resolve("part/part-0.csv"), AggregateCsv.HEADER + "\n" + AggregateCsv.toRow(a) + "\n" + AggregateCsv.toRow(a) + "\n");

    List<String[]> rows = AggregateFiles.readAll(dir);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)[1]).isEqualTo("team \"x\",\nsecond line");
    assertThat(rows.get(1)[11]).isEqualTo("1.5");
  }
}
