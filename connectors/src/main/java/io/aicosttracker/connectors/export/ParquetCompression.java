package io.aicosttracker.connectors.export;

import java.util.Locale;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Parquet page compression: snappy (default, fast) or zstd (smaller files). */
public enum ParquetCompression {
  SNAPPY(CompressionCodecName.SNAPPY),
  ZSTD(CompressionCodecName.ZSTD),
  NONE(CompressionCodecName.UNCOMPRESSED);

  private final CompressionCodecName codec;

  ParquetCompression(CompressionCodecName codec) {
    this.codec = codec;
  }

  CompressionCodecName codec() {
    return codec;
  }

  public static ParquetCompression parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown compression '" + name + "' (expected snappy, zstd or none)");
    }
  }
}
