package io.aicosttracker.connectors.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicosttracker.connectors.records.ParsedRecord;
import io.aicosttracker.core.records.DeadLetter;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RecordSerializersTest {
  @Test
  void typeExtractionPicksTheHandWrittenSerializers() {
    RecordTypes.register();
    assertThat(TypeInformation.of(UsageEvent.class).createSerializer(new SerializerConfigImpl()))
        .isSameAs(UsageEventSerializer.INSTANCE);
    assertThat(TypeInformation.of(PricedUsage.class).createSerializer(new SerializerConfigImpl()))
        .isSameAs(PricedUsageSerializer.INSTANCE);
    assertThat(TypeInformation.of(ParsedRecord.class).createSerializer(new SerializerConfigImpl()))
        .isSameAs(ParsedRecordSerializer.INSTANCE);
  }

  @Test
  void usageEventsRoundTripWithNullsAndNonAsciiText() throws IOException {
    UsageEvent full = event();
    UsageEvent sparse = new UsageEvent();
    sparse.eventId = "only-id";
    sparse.timestamp = -5;
    sparse.operation = null;
    for (UsageEvent e : new UsageEvent[] {full, sparse}) {
      UsageEvent back = roundTrip(UsageEventSerializer.INSTANCE, e);
      assertThat(back).isEqualTo(e).isNotSameAs(e);
      assertThat(back.tagsJson).isEqualTo(e.tagsJson);
      assertThat(back.reportedCostUsd).isEqualTo(e.reportedCostUsd);
      assertThat(UsageEventSerializer.INSTANCE.copy(e)).isEqualTo(e).isNotSameAs(e);
    }
  }

  @Test
  void countsOfAnySizeAndLongNamesSurviveTheCompactEncoding() throws IOException {
    long[] counts = {0, 1, 127, 128, 16_383, 16_384, -1, -64, -65, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 56};
    for (long n : counts) {
      UsageEvent e = event();
      e.inputTokens = n;
      e.outputTokens = -n;
      e.cacheReadTokens = n >>> 1;
      e.requests = n ^ 0x5555;
      e.model = "m".repeat(200); // a two-byte length, beyond the name table's cached lengths
      e.tagsJson = "{\"k\":\"" + "x".repeat(20_000) + "\"}";
      UsageEvent back = roundTrip(UsageEventSerializer.INSTANCE, e);
      assertThat(back).as("count %d", n).isEqualTo(e);
      assertThat(back.tagsJson).isEqualTo(e.tagsJson);
      assertBinaryCopy(UsageEventSerializer.INSTANCE, e);
    }
    // the test event: 140 bytes, 217 with the fixed-width lengths and counts this replaced
    DataOutputSerializer out = new DataOutputSerializer(256);
    UsageEventSerializer.INSTANCE.serialize(event(), out);
    assertThat(out.length()).isLessThan(150);
  }

  @Test
  void pricedUsageKeepsItsPricingThroughSerializationAndCopies() throws IOException {
    PricedUsage p = priced();
    PricedUsage back = roundTrip(PricedUsageSerializer.INSTANCE, p);
    assertThat(back).usingRecursiveComparison().isEqualTo(p);
    assertThat(PricedUsageSerializer.INSTANCE.copy(p)).usingRecursiveComparison().isEqualTo(p);
    PricedUsage unpriced = new PricedUsage();
    unpriced.eventId = "u";
    unpriced.costBasis = PricedUsage.BASIS_UNPRICED;
    assertThat(roundTrip(PricedUsageSerializer.INSTANCE, unpriced)).usingRecursiveComparison().isEqualTo(unpriced);
  }

  @Test
  void parsedRecordsCarryEitherAnEventOrADeadLetter() throws IOException {
    ParsedRecord ok = ParsedRecord.ofEvent(event());
    DeadLetter d = DeadLetter.fromFile("in.jsonl", 7, "missing field: model", "{\"x\":1}", false);
    d.topic = "usage-events";
    d.partition = 3;
    d.offset = 99;
    ParsedRecord bad = ParsedRecord.ofDeadLetter(d);
    assertThat(roundTrip(ParsedRecordSerializer.INSTANCE, ok)).usingRecursiveComparison().isEqualTo(ok);
    assertThat(roundTrip(ParsedRecordSerializer.INSTANCE, bad)).usingRecursiveComparison().isEqualTo(bad);
    assertThat(roundTrip(ParsedRecordSerializer.INSTANCE, new ParsedRecord())).usingRecursiveComparison().isEqualTo(new ParsedRecord());
    assertThat(ParsedRecordSerializer.INSTANCE.copy(bad)).usingRecursiveComparison().isEqualTo(bad);
  }

  /** Flink copies serialized records between buffers with copy(in, out) (sorting, spilling). */
  @Test
  void binaryCopyReproducesTheSameBytes() throws IOException {
    assertBinaryCopy(UsageEventSerializer.INSTANCE, event());
    assertBinaryCopy(PricedUsageSerializer.INSTANCE, priced());
    assertBinaryCopy(ParsedRecordSerializer.INSTANCE, ParsedRecord.ofEvent(event()));
    assertBinaryCopy(ParsedRecordSerializer.INSTANCE, ParsedRecord.ofDeadLetter(DeadLetter.fromFile("f", 1, "e", "r", true)));
  }

  @Test
  void snapshotsRestoreTheSameSerializer() throws IOException {
    TypeSerializerSnapshot<PricedUsage> snapshot = PricedUsageSerializer.INSTANCE.snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    TypeSerializerSnapshot<PricedUsage> restored =
        TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
    assertThat(restored.restoreSerializer()).isSameAs(PricedUsageSerializer.INSTANCE);
    assertThat(PricedUsageSerializer.INSTANCE.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs()).isTrue();
  }

  private static <T> T roundTrip(TypeSerializer<T> s, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(128);
    s.serialize(value, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    T back = s.deserialize(in);
    assertThat(in.available()).as("every byte consumed").isZero();
    return back;
  }

  private static <T> void assertBinaryCopy(TypeSerializer<T> s, T value) throws IOException {
    DataOutputSerializer first = new DataOutputSerializer(128);
    s.serialize(value, first);
    s.serialize(value, first);
    byte[] original = first.getCopyOfBuffer();
    DataInputDeserializer in = new DataInputDeserializer(original);
    // write(DataInputView, n) does not grow this buffer (paged views in Flink do): size it up front
    DataOutputSerializer copied = new DataOutputSerializer(original.length);
    s.copy(in, copied);
    s.copy(in, copied);
    assertThat(copied.getCopyOfBuffer()).isEqualTo(original);
  }

  private static UsageEvent event() {
    UsageEvent e = new UsageEvent();
    e.eventId = "evt-1";
    e.timestamp = 1_790_000_000_123L;
    e.provider = "anthropic";
    e.model = "claude-sonnet-4-6";
    e.project = "café-search ✓";
    e.team = "discovery";
    e.user = "u-1";
    e.apiKeyId = "key-1";
    e.environment = "prod";
    e.operation = "chat";
    e.inputTokens = 12_000;
    e.outputTokens = 800;
    e.cacheReadTokens = 3_000;
    e.cacheWriteTokens = 1_000;
    e.reasoningTokens = 55;
    e.requests = 2;
    e.reportedCostUsd = 0.0425;
    e.source = UsageEvent.SOURCE_MANUAL;
    e.tagsJson = "{\"feature\":\"ünïcode\"}";
    return e;
  }

  private static PricedUsage priced() {
    PricedUsage p = new PricedUsage();
    p.copyFrom(event());
    p.costUsd = 0.0425;
    p.costBasis = PricedUsage.BASIS_PROVIDER_REPORTED;
    p.priceModelId = "claude-sonnet-4-6";
    p.catalogVersion = "genai-prices-0.1.8";
    p.catalogCostUsd = 0.04;
    return p;
  }
}
