package org.intertrust.consensus;

/**
 * The application side of ordering: what a leader proposes and what a replica accepts. Must be
 * deterministic given its inputs and the committed history (it runs inside the pure core).
 */
public interface PayloadSource {
  /** The payload a leader proposes for the block at {@code height}, at most {@code maxBytes}. */
  byte[] next(long height, long time, int maxBytes);

  /** Whether a proposed payload is well formed. A rejected payload gets no vote. */
  boolean isValid(byte[] payload);

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
