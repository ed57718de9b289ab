package org.intertrust.node.runtime;

/**
 * Turns a protocol's messages into canonical bytes and back, so that the transport stays generic.
 * {@link #decode} is fed bytes from the network: it must bound every length it reads and reject
 * (never throw anything but {@link WireDecodingException} for) malformed input.
 *
 * @param <M> the protocol's message type
 */
public interface WireCodec<M> {
  /** The canonical bytes of {@code message}. */
  byte[] encode(M message);

  /** The message {@code bytes} encode, or a {@link WireDecodingException} with the reason. */
  M decode(byte[] bytes) throws WireDecodingException;
}
