package org.intertrust.sim.trace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The textual record of a run: one line per event, {@code <time ns> n<node> <KIND> <detail>}, with
 * {@code sim} in place of {@code n<node>} for events of no single node (partitions, actions).
 *
 * <p>Every line is fed to a running SHA-256 (unless the mode is {@link TraceMode#OFF}), followed by
 * a newline, so {@link #sha256Hex()} equals the SHA-256 of the full trace text. The same seed and
 * the same code give a byte-identical trace, hence the same hash.
 */
public final class Trace {
  private final TraceMode mode;
  private final int tailCapacity;
  private final MessageDigest digest;
  private final StringBuilder line = new StringBuilder(128);
  private final List<String> full = new ArrayList<>();
  private final StringBuilder[] tail;
  private byte[] bytes = new byte[256];
  private long lineCount;

  /**
   * A trace in {@code mode} that keeps the last {@code tailCapacity} lines (at least one) for
   * failure reports.
   */
  public Trace(TraceMode mode, int tailCapacity) {
    if (tailCapacity < 1) {
      throw new IllegalArgumentException("tailCapacity must be positive: " + tailCapacity);
    }
    this.mode = mode;
    this.tailCapacity = tailCapacity;
    this.tail = new StringBuilder[tailCapacity];
    for (int i = 0; i < tailCapacity; i++) {
      tail[i] = new StringBuilder(128);
    }
    this.digest = sha256();
  }

  /** The mode this trace was created with. */
  public TraceMode mode() {
    return mode;
  }

  /** Whether lines are formatted at all; callers may skip building details when not. */
  public boolean enabled() {
    return mode != TraceMode.OFF;
  }

  /** Appends one line. Does nothing in mode {@link TraceMode#OFF}. */
  public void record(long timeNanos, int node, String kind, CharSequence detail) {
    if (mode == TraceMode.OFF) {
      return;
    }
    line.setLength(0);
    line.append(timeNanos).append(' ');
    if (node >= 0) {
      line.append('n').append(node);
    } else {
      line.append("sim");
    }
    line.append(' ').append(kind);
    if (detail.length() > 0) {
      line.append(' ').append(detail);
    }
    hashLine();
    StringBuilder slot = tail[(int) (lineCount % tailCapacity)];
    slot.setLength(0);
    slot.append(line);
    if (mode == TraceMode.FULL) {
      full.add(line.toString());
    }
    lineCount++;
  }

  private void hashLine() {
    int length = line.length();
    if (bytes.length < length * 3 + 1) {
      bytes = new byte[length * 3 + 1];
    }
    int size = 0;
    for (int i = 0; i < length; i++) {
      char c = line.charAt(i);
      if (c >= 0x80) {
        byte[] encoded = (line + "\n").getBytes(StandardCharsets.UTF_8);
        digest.update(encoded);
        return;
      }
      bytes[size++] = (byte) c;
    }
    bytes[size++] = '\n';
    digest.update(bytes, 0, size);
  }

  /** Number of lines recorded so far. */
  public long lineCount() {
    return lineCount;
  }

  /**
   * Hex SHA-256 of the trace so far (all lines, each ending in a newline); {@code "off"} in mode
   * {@link TraceMode#OFF}. Does not disturb the running hash.
   */
  public String sha256Hex() {
    if (mode == TraceMode.OFF) {
      return "off";
    }
    try {
      MessageDigest copy = (MessageDigest) digest.clone();
      return HexFormat.of().formatHex(copy.digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
    }
  }

  /** Every line, in mode {@link TraceMode#FULL}; otherwise throws. */
  public List<String> lines() {
    if (mode != TraceMode.FULL) {
      throw new IllegalStateException("the full trace is only kept in mode FULL, not " + mode);
    }
    return Collections.unmodifiableList(full);
  }

  /** The last {@code count} lines (fewer if fewer were recorded or kept), oldest first. */
  public List<String> tail(int count) {
    int kept = (int) Math.min(Math.min(count, tailCapacity), lineCount);
    List<String> result = new ArrayList<>(kept);
    for (long i = lineCount - kept; i < lineCount; i++) {
      result.add(tail[(int) (i % tailCapacity)].toString());
    }
    return result;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
