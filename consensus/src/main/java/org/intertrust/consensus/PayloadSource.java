package org.intertrust.consensus;

import java.util.List;

/**
 * The application side of ordering: what a leader proposes and what a replica accepts. Must be
 * deterministic given its inputs and the committed history (it runs inside the pure core).
 */
public interface PayloadSource {
  /** The payload a leader proposes for the block at {@code height}, at most {@code maxBytes}. */
  byte[] next(long height, long time, int maxBytes);

  /**
   * The payload a leader proposes for the block at {@code height}, which extends the chain {@code
   * ancestors} describes; the replica core calls this one. A payload must not repeat what its own
   * ancestors carry, and the leader may hold blocks of that chain it never checked (fetched while
   * catching up, or adopted with a certificate), so it reads them from the chain, not from the
   * proposals it happened to see. By default the chain is ignored.
   */
  default byte[] next(long height, long time, int maxBytes, Ancestors ancestors) {
    return next(height, time, maxBytes);
  }

  /** The chain a proposed block extends, as far back as the application asks. */
  @FunctionalInterface
  interface Ancestors {
    /**
     * The payloads of the new block's ancestors at heights above {@code after}, oldest first (the
     * last one is its parent's; none if the parent is at {@code after} or below).
     */
    List<byte[]> payloadsAbove(long after);
  }

  /** Whether a proposed payload is well formed. A rejected payload gets no vote. */
  boolean isValid(byte[] payload);

  /**
   * Whether the payload proposed for the block at {@code height} is well formed; the replica core
   * calls this one. The height lets the application track what is being ordered (for example, which
   * transactions are in flight until that height); by default it is ignored.
   */
  default boolean isValid(long height, byte[] payload) {
    return isValid(payload);
  }

  /** A source of empty payloads: consensus with nothing to order (benchmarks, tests). */
  PayloadSource EMPTY =
      new PayloadSource() {
        @Override
        public byte[] next(long height, long time, int maxBytes) {
          return new byte[0];
        }

        @Override
        public boolean isValid(byte[] payload) {
          return true;
        }
      };
}
