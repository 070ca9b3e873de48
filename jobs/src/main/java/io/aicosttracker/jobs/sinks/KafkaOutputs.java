package io.aicosttracker.jobs.sinks;

import io.aicosttracker.connectors.kafka.KafkaJsonSink;
import io.aicosttracker.core.format.UsageJson;
import io.aicosttracker.core.records.DeadLetter;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.jobs.config.KafkaSection;
import io.aicosttracker.jobs.pipeline.OutputAttachment;
import io.aicosttracker.jobs.pipeline.PipelineOutputs;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Publishes dead letters to {@code kafka.dead-letter-topic} (JSON with the reason, the original
 * bytes and topic/partition/offset) and, when {@code kafka.publish-priced}, priced events keyed by
 * {@code event_id} to {@code kafka.priced-topic}.
 */
public final class KafkaOutputs implements OutputAttachment {
  private final KafkaSection kafka;

  public KafkaOutputs(KafkaSection kafka) {
    this.kafka = kafka;
  }

  @Override
  public void attach(PipelineOutputs outputs) {
    DeliveryGuarantee guarantee = kafka.guarantee();
    outputs
        .deadLetters()
        .sinkTo(
            KafkaJsonSink.<DeadLetter>create(
                kafka.bootstrapServers, kafka.deadLetterTopic, UsageJson::writeDeadLetter, null, guarantee,
                kafka.groupId + "-dead-letters", kafka.properties))
        .uid("sink-dead-letters-kafka")
        .name("dead letters -> " + kafka.deadLetterTopic);
    if (kafka.publishPriced) {
      outputs
          .priced()
          .sinkTo(
              KafkaJsonSink.<PricedUsage>create(
                  kafka.bootstrapServers, kafka.pricedTopic, UsageJson::writePriced, e -> e.eventId, guarantee,
                  kafka.groupId + "-priced", kafka.properties))
          .uid("sink-priced-kafka")
          .name("priced events -> " + kafka.pricedTopic);
    }
  }
}
