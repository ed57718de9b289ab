package org.intertrust.sim;

/**
 * How the engine sees a protocol's messages: a short description for the trace, and a size for the
 * bandwidth model. The description must be deterministic (no identity hash codes, no unsorted
 * hash-map iteration), or equal seeds will not give equal traces.
 *
 * @param <M> the protocol's message type
 */
@FunctionalInterface
public interface MessageDescriber<M> {
  /** A short, deterministic, single-line description of {@code message}. */
  String describe(M message);

  /** The size of {@code message} on the wire in bytes; zero (the default) means negligible. */
  default int sizeBytes(M message) {
    return 0;
  }
}
