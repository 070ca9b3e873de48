package io.aicosttracker.connectors.serialization;

import io.aicosttracker.connectors.records.ParsedRecord;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.TypeExtractor;

/**
 * The hand-written type information of the records that cross every exchange of the pipeline.
 *
 * <p>Flink's POJO serializer reads and writes each field by reflection and copies records
 * between chained operators the same way; that was the largest cost after parsing in a batch
 * profile here. {@link #register()} makes Flink's type extraction pick these serializers
 * wherever the classes appear (function outputs, POJO fields), so no operator needs a hint.
 */
public final class RecordTypes {
  public static final TypeInformation<UsageEvent> USAGE_EVENT =
      new RecordTypeInfo<>(UsageEvent.class, UsageEventSerializer.INSTANCE);
  public static final TypeInformation<PricedUsage> PRICED_USAGE =
      new RecordTypeInfo<>(PricedUsage.class, PricedUsageSerializer.INSTANCE);
  public static final TypeInformation<ParsedRecord> PARSED_RECORD =
      new RecordTypeInfo<>(ParsedRecord.class, ParsedRecordSerializer.INSTANCE);

  static {
    TypeExtractor.registerFactory(UsageEvent.class, UsageEventFactory.class);
    TypeExtractor.registerFactory(PricedUsage.class, PricedUsageFactory.class);
    TypeExtractor.registerFactory(ParsedRecord.class, ParsedRecordFactory.class);
  }

  private RecordTypes() {}

  /** Registers the factories with Flink's type extraction (once per JVM; idempotent). */
  public static void register() {
    // the static initializer does the work; calling this forces it before any type extraction
  }

  /** Factory for {@link UsageEvent}. */
  public static final class UsageEventFactory extends TypeInfoFactory<UsageEvent> {
    @Override
    public TypeInformation<UsageEvent> createTypeInfo(Type t, Map<String, TypeInformation<?>> generics) {
      return USAGE_EVENT;
    }
  }

  /** Factory for {@link PricedUsage}. */
  public static final class PricedUsageFactory extends TypeInfoFactory<PricedUsage> {
    @Override
    public TypeInformation<PricedUsage> createTypeInfo(Type t, Map<String, TypeInformation<?>> generics) {
      return PRICED_USAGE;
    }
  }

  /** Factory for {@link ParsedRecord}. */
  public static final class ParsedRecordFactory extends TypeInfoFactory<ParsedRecord> {
    @Override
    public TypeInformation<ParsedRecord> createTypeInfo(Type t, Map<String, TypeInformation<?>> generics) {
      return PARSED_RECORD;
    }
  }
}
