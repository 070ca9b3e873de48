package io.aicosttracker.jobs.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code kafka.*}: where usage events come from and where dead letters and priced events go. */
public final class KafkaSection {
  public static final String AT_LEAST_ONCE = "at-least-once";
  public static final String EXACTLY_ONCE = "exactly-once";

  public String bootstrapServers;
  public String topic = "usage-events";
  public String groupId = "cost-tracker";
  /** {@code earliest} or {@code latest}: where a group without committed offsets starts. */
  public String startingOffsets = "earliest";
  public String deadLetterTopic = "usage-dead-letters";
  public boolean publishPriced = false;
  public String pricedTopic = "usage-priced";
  /** Where alert events go (JSON, keyed by alert_id) when the alert stage runs. */
  public String alertsTopic = "cost-alerts";
  /** {@code at-least-once} or {@code exactly-once} (transactions) for the Kafka sinks. */
  public String deliveryGuarantee = AT_LEAST_ONCE;
  /** Extra Kafka client properties for consumer and producers (security, tuning). */
  public Map<String, String> properties = new LinkedHashMap<>();

  /** The Kafka sinks' delivery guarantee this section names. */
  public org.apache.flink.connector.base.DeliveryGuarantee guarantee() {
    return EXACTLY_ONCE.equals(deliveryGuarantee)
        ? org.apache.flink.connector.base.DeliveryGuarantee.EXACTLY_ONCE
        : org.apache.flink.connector.base.DeliveryGuarantee.AT_LEAST_ONCE;
  }

  void validate(boolean required) {
    if (required && (bootstrapServers == null || bootstrapServers.isBlank())) {
      throw new ConfigException("kafka.bootstrap-servers is not set (--kafka HOST:PORT or the config file)");
    }
    Sections.requireText("kafka.topic", topic);
    Sections.requireText("kafka.group-id", groupId);
    Sections.requireText("kafka.dead-letter-topic", deadLetterTopic);
    Sections.requireText("kafka.priced-topic", pricedTopic);
    Sections.requireText("kafka.alerts-topic", alertsTopic);
    Sections.requireOneOf("kafka.starting-offsets", startingOffsets, "earliest", "latest");
    Sections.requireOneOf("kafka.delivery-guarantee", deliveryGuarantee, AT_LEAST_ONCE, EXACTLY_ONCE);
    if (topic.equals(deadLetterTopic) || publishPriced && topic.equals(pricedTopic)) {
      throw new ConfigException("kafka.topic must differ from kafka.dead-letter-topic and kafka.priced-topic");
    }
  }
}
