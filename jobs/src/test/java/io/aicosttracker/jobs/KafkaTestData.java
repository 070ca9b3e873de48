package io.aicosttracker.jobs;

import io.aicosttracker.core.format.UsageJson;
import io.aicosttracker.core.generate.SyntheticUsageGenerator;
import io.aicosttracker.core.pricing.PriceCatalog;
import io.aicosttracker.core.records.UsageEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Generated usage events and a helper to send them to Kafka partitions round-robin. */
final class KafkaTestData {
  private KafkaTestData() {}

  /** {@code n} deterministic events over {@code days} days ending about two days ago (UTC). */
  static List<UsageEvent> events(long seed, long n, int days) {
    long day = 86_400_000L;
    long start = Math.floorDiv(System.currentTimeMillis(), day) * day - (days + 2L) * day;
    List<UsageEvent> out = new ArrayList<>();
    new SyntheticUsageGenerator(seed, start, days, 0.2, PriceCatalog.builtIn()).generate(n, 0, out::add);
    return out;
  }

  static byte[] json(UsageEvent e) {
    return UsageJson.toInputJson(e).getBytes(StandardCharsets.UTF_8);
  }

  /** Sends events to partition {@code i % partitions} keyed by event id; waits for all acks. */
  static void send(KafkaProducer<byte[], byte[]> p, String topic, int partitions, List<UsageEvent> events, int offset) throws Exception {
    List<java.util.concurrent.Future<RecordMetadata>> acks = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      UsageEvent e = events.get(i);
      acks.add(p.send(new ProducerRecord<>(topic, (i + offset) % partitions, e.eventId.getBytes(StandardCharsets.UTF_8), json(e))));
    }
    for (var a : acks) a.get();
  }
}
