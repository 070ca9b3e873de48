package io.aicosttracker.connectors.serialization;

import io.aicosttracker.core.parse.RecurringStrings;
import io.aicosttracker.core.records.DeadLetter;
import io.aicosttracker.core.records.PricedUsage;
import io.aicosttracker.core.records.UsageEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Field-by-field binary encoding of the pipeline's records, shared by their serializers.
 *
 * <p>Strings go as UTF-8 bytes with a length prefix (-1 for null): for the ASCII ids and names
 * of usage events the JDK encodes and decodes these with array copies, where Flink's
 * {@code StringValue} walks characters and looks up a thread-local buffer per string. The
 * low-cardinality names of an event go through the thread's {@link RecurringStrings}: the same
 * bytes on the wire, but no encoding or new string for a name seen before.
 *
 * <p>Lengths and token counts are variable-length integers (one byte for a name, two or three
 * for a typical count, instead of four and eight): a batch run's shuffle carries every event
 * once, spilled to local files, and this made it about a third smaller. These records only
 * cross the network (no operator keeps them in state), so their format is free to change
 * between versions.
 */
final class RecordCodec {
  private RecordCodec() {}

  static void writeString(String s, DataOutputView out) throws IOException {
    if (s == null) {
      writeLength(-1, out);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeLength(b.length, out);
    out.write(b);
  }

  /** A length, or -1 for null, as an unsigned variable-length integer of {@code length + 1}. */
  static void writeLength(int length, DataOutputView out) throws IOException {
    writeUnsigned(length + 1L, out);
  }

  static int readLength(DataInputView in) throws IOException {
    long v = readUnsigned(in);
    if (v > Integer.MAX_VALUE) throw new IOException("corrupt record: length " + (v - 1));
    return (int) v - 1;
  }

  /** Seven bits per byte, low bits first, the high bit set on every byte but the last. */
  static void writeUnsigned(long v, DataOutputView out) throws IOException {
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) (v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  static long readUnsigned(DataInputView in) throws IOException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.readByte();
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) return v;
    }
    throw new IOException("corrupt record: variable-length integer longer than 10 bytes");
  }

  /** Any long, small magnitudes in few bytes (zigzag: 0, -1, 1, -2, ... map to 0, 1, 2, 3, ...). */
  static void writeSigned(long v, DataOutputView out) throws IOException {
    writeUnsigned((v << 1) ^ (v >> 63), out);
  }

  static long readSigned(DataInputView in) throws IOException {
    long z = readUnsigned(in);
    return (z >>> 1) ^ -(z & 1);
  }

  static void copyVarint(DataInputView in, DataOutputView out) throws IOException {
    byte b;
    do {
      b = in.readByte();
      out.writeByte(b);
    } while (b < 0);
  }

  /** A low-cardinality name (provider, model, ...): its bytes come from the thread's table. */
  static void writeRecurring(String s, RecurringStrings table, DataOutputView out) throws IOException {
    if (s == null) {
      writeLength(-1, out);
      return;
    }
    byte[] b = table.utf8(s);
    writeLength(b.length, out);
    out.write(b);
  }

  /** A low-cardinality name, read as the thread's cached instance when seen before. */
  static String readRecurring(RecurringStrings table, DataInputView in) throws IOException {
    int n = readLength(in);
    if (n < 0) return null;
    return table.read(in, n);
  }

  static String readString(DataInputView in) throws IOException {
    int n = readLength(in);
    if (n < 0) return null;
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  static void copyString(DataInputView in, DataOutputView out) throws IOException {
    int n = readLength(in);
    writeLength(n, out);
    if (n > 0) out.write(in, n);
  }

  static void writeNullableDouble(Double d, DataOutputView out) throws IOException {
    out.writeBoolean(d != null);
    if (d != null) out.writeDouble(d);
  }

  static Double readNullableDouble(DataInputView in) throws IOException {
    return in.readBoolean() ? in.readDouble() : null;
  }

  static void writeEvent(UsageEvent e, DataOutputView out) throws IOException {
    RecurringStrings names = RecurringStrings.forThread();
    writeString(e.eventId, out);
    out.writeLong(e.timestamp);
    writeRecurring(e.provider, names, out);
    writeRecurring(e.model, names, out);
    writeRecurring(e.project, names, out);
    writeRecurring(e.team, names, out);
    writeRecurring(e.user, names, out);
    writeRecurring(e.apiKeyId, names, out);
    writeRecurring(e.environment, names, out);
    writeRecurring(e.operation, names, out);
    writeSigned(e.inputTokens, out);
    writeSigned(e.outputTokens, out);
    writeSigned(e.cacheReadTokens, out);
    writeSigned(e.cacheWriteTokens, out);
    writeSigned(e.reasoningTokens, out);
    writeSigned(e.requests, out);
    writeNullableDouble(e.reportedCostUsd, out);
    writeRecurring(e.source, names, out);
    writeString(e.tagsJson, out);
  }

  static void readEvent(UsageEvent e, DataInputView in) throws IOException {
    RecurringStrings names = RecurringStrings.forThread();
    e.eventId = readString(in);
    e.timestamp = in.readLong();
    e.provider = readRecurring(names, in);
    e.model = readRecurring(names, in);
    e.project = readRecurring(names, in);
    e.team = readRecurring(names, in);
    e.user = readRecurring(names, in);
    e.apiKeyId = readRecurring(names, in);
    e.environment = readRecurring(names, in);
    e.operation = readRecurring(names, in);
    e.inputTokens = readSigned(in);
    e.outputTokens = readSigned(in);
    e.cacheReadTokens = readSigned(in);
    e.cacheWriteTokens = readSigned(in);
    e.reasoningTokens = readSigned(in);
    e.requests = readSigned(in);
    e.reportedCostUsd = readNullableDouble(in);
    e.source = readRecurring(names, in);
    e.tagsJson = readString(in);
  }

  /** Strings, longs and nullable doubles of an event, in {@link #writeEvent} order. */
  static void copyEvent(DataInputView in, DataOutputView out) throws IOException {
    copyString(in, out);
    out.write(in, 8);
    for (int i = 0; i < 8; i++) copyString(in, out);
    for (int i = 0; i < 6; i++) copyVarint(in, out);
    copyNullableDouble(in, out);
    copyString(in, out);
    copyString(in, out);
  }

  static void copyNullableDouble(DataInputView in, DataOutputView out) throws IOException {
    boolean present = in.readBoolean();
    out.writeBoolean(present);
    if (present) out.write(in, 8);
  }

  static void writePricing(PricedUsage p, DataOutputView out) throws IOException {
    RecurringStrings names = RecurringStrings.forThread();
    out.writeDouble(p.costUsd);
    writeRecurring(p.costBasis, names, out);
    writeRecurring(p.priceModelId, names, out);
    writeRecurring(p.catalogVersion, names, out);
    writeNullableDouble(p.catalogCostUsd, out);
  }

  static void readPricing(PricedUsage p, DataInputView in) throws IOException {
    RecurringStrings names = RecurringStrings.forThread();
    p.costUsd = in.readDouble();
    p.costBasis = readRecurring(names, in);
    p.priceModelId = readRecurring(names, in);
    p.catalogVersion = readRecurring(names, in);
    p.catalogCostUsd = readNullableDouble(in);
  }

  static void copyPricing(DataInputView in, DataOutputView out) throws IOException {
    out.write(in, 8);
    for (int i = 0; i < 3; i++) copyString(in, out);
    copyNullableDouble(in, out);
  }

  static void writeDeadLetter(DeadLetter d, DataOutputView out) throws IOException {
    writeString(d.file, out);
    out.writeLong(d.line);
    writeString(d.topic, out);
    out.writeInt(d.partition);
    out.writeLong(d.offset);
    writeString(d.error, out);
    writeString(d.raw, out);
    out.writeBoolean(d.rawBase64);
  }

  static DeadLetter readDeadLetter(DataInputView in) throws IOException {
    DeadLetter d = new DeadLetter();
    d.file = readString(in);
    d.line = in.readLong();
    d.topic = readString(in);
    d.partition = in.readInt();
    d.offset = in.readLong();
    d.error = readString(in);
    d.raw = readString(in);
    d.rawBase64 = in.readBoolean();
    return d;
  }

  static void copyDeadLetter(DataInputView in, DataOutputView out) throws IOException {
    copyString(in, out);
    out.write(in, 8);
    copyString(in, out);
    out.write(in, 4 + 8);
    copyString(in, out);
    copyString(in, out);
    out.write(in, 1);
  }

  static DeadLetter copyOf(DeadLetter d) {
    DeadLetter c = new DeadLetter();
    c.file = d.file;
    c.line = d.line;
    c.topic = d.topic;
    c.partition = d.partition;
    c.offset = d.offset;
    c.error = d.error;
    c.raw = d.raw;
    c.rawBase64 = d.rawBase64;
    return c;
  }

  static void copyPricing(PricedUsage from, PricedUsage to) {
    to.costUsd = from.costUsd;
    to.costBasis = from.costBasis;
    to.priceModelId = from.priceModelId;
    to.catalogVersion = from.catalogVersion;
    to.catalogCostUsd = from.catalogCostUsd;
  }
}
