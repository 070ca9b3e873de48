package io.aicosttracker.jobs.export;

import io.aicosttracker.core.records.UsageEvent;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Which rows an export keeps: row time in {@code [from, until)}, project in a set, one source.
 *
 * <p>Row time is the event time for priced events, the window start for aggregates, the event
 * time for alerts and the origin day (00:00 UTC) for forecasts. Alerts and forecasts without a
 * project (scope {@code all}, a team or a model) do not match a project set. Empty bounds, an empty
 * project set and a null source select everything.
 */
public final class ExportFilter implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long DAY = 86_400_000L;

  private final long fromMillis;
  private final long untilMillis;
  private final Set<String> projects;
  private final String source;

  /**
   * @throws IllegalArgumentException when {@code from} is not before {@code until}, or the source is unknown
   */
  public ExportFilter(Instant from, Instant until, List<String> projects, String source) {
    if (from != null && until != null && !from.isBefore(until)) {
      throw new IllegalArgumentException("--from " + from + " must be before --until " + until);
    }
    if (source != null && !UsageEvent.SOURCE_API.equals(source) && !UsageEvent.SOURCE_MANUAL.equals(source)) {
      throw new IllegalArgumentException("unknown source '" + source + "' (expected api or manual)");
    }
    this.fromMillis = from == null ? Long.MIN_VALUE : from.toEpochMilli();
    this.untilMillis = until == null ? Long.MAX_VALUE : until.toEpochMilli();
    this.projects = projects == null ? Set.of() : Set.copyOf(projects);
    this.source = source;
  }

  public static ExportFilter all() {
    return new ExportFilter(null, null, List.of(), null);
  }

  /** True if a row with this time, project and source is exported. */
  public boolean keeps(long rowTime, String project, String source) {
    return rowTime >= fromMillis
        && rowTime < untilMillis
        && (projects.isEmpty() || (project != null && projects.contains(project)))
        && (this.source == null || this.source.equals(source));
  }

  /**
   * True if an input event can contribute to an exported row: exact on project and source, and on
   * time widened to whole UTC days so that every window overlapping the range stays complete.
   */
  public boolean mayContribute(UsageEvent e) {
    long lo = fromMillis == Long.MIN_VALUE ? Long.MIN_VALUE : Math.floorDiv(fromMillis, DAY) * DAY;
    long hi = untilMillis == Long.MAX_VALUE ? Long.MAX_VALUE : (Math.floorDiv(untilMillis - 1, DAY) + 1) * DAY;
    return e.timestamp >= lo
        && e.timestamp < hi
        && (projects.isEmpty() || projects.contains(e.project))
        && (source == null || source.equals(e.source));
  }

  public Instant from() {
    return fromMillis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(fromMillis);
  }

  public Instant until() {
    return untilMillis == Long.MAX_VALUE ? null : Instant.ofEpochMilli(untilMillis);
  }

  public Set<String> projects() {
    return projects;
  }

  public String source() {
    return source;
  }
}
