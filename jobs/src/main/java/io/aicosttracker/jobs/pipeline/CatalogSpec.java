package io.aicosttracker.jobs.pipeline;

import io.aicosttracker.core.pricing.PriceCatalog;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which price catalog a job uses, in a form that ships with the job graph.
 *
 * <p>A custom catalog file is read on the client and its bytes travel with the job, so task
 * managers on other machines need no copy of the file.
 */
public final class CatalogSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final byte[] customJson;
  private final String customVersion;
  private final boolean includeBuiltIn;

  private CatalogSpec(byte[] customJson, String customVersion, boolean includeBuiltIn) {
    this.customJson = customJson;
    this.customVersion = customVersion;
    this.includeBuiltIn = includeBuiltIn;
  }

  public static CatalogSpec builtIn() {
    return new CatalogSpec(null, null, true);
  }

  /**
   * A custom catalog file layered over the built-in one (its entries win), or replacing it.
   *
   * @throws IllegalArgumentException when the file is unreadable or not a catalog
   */
  public static CatalogSpec withCustom(Path file, boolean replaceBuiltIn) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String version = PriceCatalog.load(file).version(); // validates the file on the client
      return new CatalogSpec(bytes, version, !replaceBuiltIn);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read price catalog " + file + ": " + e.getMessage());
    }
  }

  /** Loads the catalog (built-in data is loaded once per JVM). */
  public PriceCatalog load() {
    if (customJson == null) return PriceCatalog.builtIn();
    PriceCatalog custom = PriceCatalog.parse(customJson, customVersion);
    return includeBuiltIn ? PriceCatalog.builtIn().overriddenBy(custom) : custom;
  }
}
