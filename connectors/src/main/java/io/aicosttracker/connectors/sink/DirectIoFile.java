package io.aicosttracker.connectors.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A file written through direct I/O ({@code O_DIRECT}): bytes go from one aligned buffer to the
 * device, not through the page cache.
 *
 * <p>Why: a batch run writes gigabytes of priced events that nothing reads back soon. Through
 * the page cache every 4 KiB of them costs a fresh page, which on a virtual machine that reports
 * free pages to its host means a host fault; measured here, that was a third of the writing
 * threads' time.
 *
 * <p>Direct I/O needs block-aligned memory, offsets and lengths: whole buffers are written as
 * they fill, and {@link #close()} writes the last partial block padded, then truncates the file
 * to its real length. A full buffer is written by a background thread while the caller fills the
 * other one: a direct write returns only when the device has the data, and waiting for it took a
 * fifth of the writing thread's time. Where the file system refuses direct I/O (tmpfs on older
 * kernels, some FUSE mounts, other operating systems) the same buffers are written through a
 * plain channel.
 */
public final class DirectIoFile extends OutputStream {
  /** Large enough that a write is one long device request; small enough per open part file. */
  static final int DEFAULT_BUFFER_BYTES = 4 << 20;

  private static final int MIN_ALIGNMENT = 4096;

  private final Path path;
  private final int alignment;
  /** Filled by the caller while {@link #writing} may be on its way to the device. */
  private ByteBuffer buffer;
  private ByteBuffer writing;
  private Future<?> inFlight;
  private ExecutorService writer;
  // written by the background thread, read after waiting for it (Future.get orders them)
  private FileChannel channel;
  private boolean direct;
  private long flushed;
  private boolean closed;

  private DirectIoFile(Path path, FileChannel channel, boolean direct, int alignment, int bufferBytes) {
    this.path = path;
    this.channel = channel;
    this.direct = direct;
    this.alignment = alignment;
    int size = Math.max(alignment, bufferBytes / alignment * alignment);
    this.buffer = alignedBuffer(size, alignment);
    this.writing = alignedBuffer(size, alignment);
  }

  /** Exactly {@code size} bytes at an aligned address, so that {@code clear()} restores it. */
  private static ByteBuffer alignedBuffer(int size, int alignment) {
    return ByteBuffer.allocateDirect(size + alignment).alignedSlice(alignment).slice(0, size);
  }

  /** Creates (or truncates) {@code path}, with direct I/O where the file system allows it. */
  public static DirectIoFile create(Path path) throws IOException {
    return create(path, DEFAULT_BUFFER_BYTES, true);
  }

  static DirectIoFile create(Path path, int bufferBytes, boolean tryDirect) throws IOException {
    Files.deleteIfExists(path);
    FileChannel plain = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    int alignment = alignmentOf(path);
    if (tryDirect) {
      FileChannel direct = openDirect(path);
      if (direct != null) {
        plain.close();
        return new DirectIoFile(path, direct, true, alignment, bufferBytes);
      }
    }
    return new DirectIoFile(path, plain, false, alignment, bufferBytes);
  }

  /** Whether bytes still bypass the page cache (false after a fallback). */
  public boolean isDirect() {
    return direct;
  }

  /** Bytes written so far, buffered ones included. */
  public long length() {
    return flushed + buffer.position();
  }

  @Override
  public void write(int b) throws IOException {
    if (!buffer.hasRemaining()) drain();
    buffer.put((byte) b);
  }

  @Override
  public void write(byte[] bytes, int off, int len) throws IOException {
    while (len > 0) {
      if (!buffer.hasRemaining()) drain();
      int n = Math.min(len, buffer.remaining());
      buffer.put(bytes, off, n);
      off += n;
      len -= n;
    }
  }

  /**
   * Does nothing: only whole buffers can be written directly. The bytes reach the file on
   * {@link #close()}, which is where a part file is finished.
   */
  @Override
  public void flush() {}

  /** Writes what is buffered, truncates the padding away and forces the file to the device. */
  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try {
      awaitInFlight();
      int tail = buffer.position();
      if (tail > 0) {
        int padded = (tail + alignment - 1) / alignment * alignment;
        buffer.limit(padded);
        while (buffer.position() < padded) buffer.put((byte) 0);
        buffer.flip();
        writeFully(buffer, flushed);
        channel.truncate(flushed + tail);
      }
      channel.force(true);
    } finally {
      if (writer != null) writer.shutdownNow();
      channel.close();
    }
  }

  /** Hands the full buffer to the background writer and goes on with the other one. */
  private void drain() throws IOException {
    awaitInFlight();
    ByteBuffer full = buffer;
    full.flip();
    long at = flushed;
    flushed += full.remaining();
    if (writer == null) {
      // its thread ends when idle, so a part file a failed task never closes leaves none behind
      writer = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), WRITER_THREADS);
    }
    inFlight = writer.submit(() -> writeFully(full, at));
    buffer = writing;
    writing = full;
    buffer.clear();
  }

  private void awaitInFlight() throws IOException {
    if (inFlight == null) return;
    try {
      inFlight.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException("writing " + path + " failed", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while writing " + path);
    } finally {
      inFlight = null;
    }
  }

  private Void writeFully(ByteBuffer b, long at) throws IOException {
    int start = b.position();
    try {
      while (b.hasRemaining()) channel.write(b, at + b.position() - start);
    } catch (IOException e) {
      if (!direct) throw e;
      // opening with O_DIRECT succeeded but writing is refused (EINVAL on some file systems)
      fallBackToPlain();
      b.position(start);
      while (b.hasRemaining()) channel.write(b, at + b.position() - start);
    }
    return null;
  }

  private static final ThreadFactory WRITER_THREADS =
      r -> {
        Thread t = new Thread(r, "direct-io-writer");
        t.setDaemon(true);
        return t;
      };

  private void fallBackToPlain() throws IOException {
    channel.close();
    channel = FileChannel.open(path, StandardOpenOption.WRITE);
    direct = false;
  }

  private static FileChannel openDirect(Path path) {
    OpenOption directOption = directOption();
    if (directOption == null) return null;
    try {
      return FileChannel.open(path, StandardOpenOption.WRITE, directOption);
    } catch (UnsupportedOperationException | IOException e) {
      return null;
    }
  }

  /** {@code com.sun.nio.file.ExtendedOpenOption.DIRECT}, a JDK extension, when present. */
  private static OpenOption directOption() {
    try {
      Class<?> options = Class.forName("com.sun.nio.file.ExtendedOpenOption");
      for (Object o : options.getEnumConstants()) {
        if (((Enum<?>) o).name().equals("DIRECT")) return (OpenOption) o;
      }
    } catch (ClassNotFoundException e) {
      // not a JDK with the extension: plain writes
    }
    return null;
  }

  private static int alignmentOf(Path path) {
    try {
      long block = Files.getFileStore(path).getBlockSize();
      if (block > MIN_ALIGNMENT && block <= (1 << 16) && Long.bitCount(block) == 1) return (int) block;
    } catch (IOException | UnsupportedOperationException e) {
      // the common 4 KiB is a multiple of every logical block size in use
    }
    return MIN_ALIGNMENT;
  }
}
