package io.aicosttracker.jobs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM process, so that a benchmark can say whether it was CPU-bound: the total
 * from the JVM, and on Linux the part spent in the kernel (system time) from
 * {@code /proc/self/stat}, where file writes into the page cache are counted.
 */
public record ProcessCpu(long totalNanos, long systemNanos) {
  /** Linux reports utime and stime in clock ticks of 1/100 s (USER_HZ) on every common platform. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  /** The CPU time used so far; {@code systemNanos} is -1 where {@code /proc} is not available. */
  public static ProcessCpu now() {
    long ticks = systemTicks();
    return new ProcessCpu(totalNanosNow(), ticks < 0 ? -1 : ticks * NANOS_PER_TICK);
  }

  /** The process's total CPU time so far, without reading {@code /proc}. */
  public static long totalNanosNow() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The CPU time used since {@code start}. */
  public ProcessCpu since(ProcessCpu start) {
    boolean withSystem = systemNanos >= 0 && start.systemNanos >= 0;
    return new ProcessCpu(totalNanos - start.totalNanos, withSystem ? systemNanos - start.systemNanos : -1);
  }

  public double totalSeconds() {
    return totalNanos / 1e9;
  }

  /** A line such as {@code 58.1 CPU-s (system 12.0 s) in 34.1 s on 2 cores}. */
  public String describe(double wallSeconds) {
    String system = systemNanos >= 0 ? String.format(java.util.Locale.ROOT, " (system %.1f s)", systemNanos / 1e9) : "";
    return String.format(java.util.Locale.ROOT, "%.1f CPU-s%s in %.1f s on %d cores", totalSeconds(), system, wallSeconds,
        Runtime.getRuntime().availableProcessors());
  }

  /** Forgets the heap pools' peaks, so that {@link #peakHeapBytes()} covers what follows. */
  public static void resetPeakHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
    }
  }

  /** The sum of the heap pools' peak usage since {@link #resetPeakHeap()}: an upper bound of the heap used. */
  public static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
    }
    return sum;
  }

  private static long systemTicks() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // fields after the command name, which is in parentheses and may contain spaces
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[12]); // stime, field 15 of proc(5)
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
