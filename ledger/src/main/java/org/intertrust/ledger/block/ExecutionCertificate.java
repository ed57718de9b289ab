package org.intertrust.ledger.block;

import java.util.Objects;
import org.intertrust.crypto.bls.Bls;
import org.intertrust.crypto.bls.BlsDecodingException;
import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Height;

/**
 * Proof that an AS executed a block and reached a state: a threshold signature of f+1 replicas (the
 * AS's execution key, dealt at genesis) on an {@link ExecutionStatement}. At least one of the f+1
 * is honest, so the state hash is the one every honest replica computed. Anyone holding the AS's
 * execution public key can check it; a certificate for height h also vouches for every earlier
 * block through the headers' parent hashes.
 *
 * <p>Encoding: u16 AS | u64 height | block hash (32) | state hash (32) | signature (48).
 *
 * @param statement what was certified
 * @param signature the combined signature
 */
public record ExecutionCertificate(ExecutionStatement statement, BlsSignature signature) {

  /** Length of {@link #encode()}. */
  public static final int ENCODED_SIZE = 2 + 8 + 32 + 32 + BlsSignature.BYTES;

  /** Checks that no field is null. */
  public ExecutionCertificate {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(signature, "signature");
  }

  public Height height() {
    return statement.height();
  }

  /** Whether the signature verifies under the AS's execution key. */
  public boolean verify(ThresholdPublicKey executionKey) {
    return Bls.verify(
        executionKey.groupKey(), SigningDomain.EXECUTION, statement.encode(), signature);
  }

  /** The canonical encoding. */
  public byte[] encode() {
    try {
      CanonicalWriter w = new CanonicalWriter(ENCODED_SIZE);
      w.asId(statement.as());
      statement.height().write(w);
      statement.blockHash().write(w);
      statement.stateHash().write(w);
      w.fixedBytes(signature.toBytes(), BlsSignature.BYTES);
      return w.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalStateException("a certificate always encodes", e);
    }
  }

  /** Decodes exactly {@code input}; the signature is decoded but not verified. */
  public static ExecutionCertificate decode(byte[] input) throws EncodingException {
    CanonicalReader r = new CanonicalReader(input, ENCODED_SIZE);
    ExecutionStatement statement =
        new ExecutionStatement(r.asId(), Height.read(r), Hash32.read(r), Hash32.read(r));
    byte[] signature = r.fixedBytes(BlsSignature.BYTES);
    r.expectEnd();
    try {
      return new ExecutionCertificate(statement, BlsSignature.fromBytes(signature));
    } catch (BlsDecodingException e) {
      throw new EncodingException(EncodingException.Reason.INVALID_VALUE, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "ExecutionCertificate[h="
        + statement.height()
        + " block "
        + statement.blockHash()
        + " state "
        + statement.stateHash()
        + "]";
  }
}
