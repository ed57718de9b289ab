package org.intertrust.gateway.protocol.certificate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.protocol.certificate.CertificateException.Reason;
import org.intertrust.gateway.protocol.dealing.DealingReference;

/**
 * Checks a relayed proof as the receiving gateway does before anything reaches its AS (paper §V-C):
 * the dealing must be one this side knows (it dealt it), the statement must be of the expected
 * kind, from the expected AS and addressed to this AS, and the proof must verify.
 *
 * <p>Batched proofs of one block share their batch certificate: the checker remembers the last
 * {@value #REMEMBERED} batch certificates it verified (a certificate names its dealing, and a
 * dealing reference always finds the same key) and checks only the Merkle path of a later proof
 * under one of them, so a batch costs one pairing check here, not one per transaction.
 */
public final class ProofChecker {
  private final AsId self;
  private final Function<DealingReference, Optional<ThresholdPublicKey>> keys;

  /** How many verified batch certificates are remembered. */
  public static final int REMEMBERED = 256;

  private final Map<CrossAsCertificate, Boolean> verifiedBatches =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<CrossAsCertificate, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };
  private long signatureChecks;

  /**
   * A checker for the gateway of {@code self} that finds dealing keys with {@code keys} (for
   * example {@code DealingSchedule::key}).
   */
  public ProofChecker(AsId self, Function<DealingReference, Optional<ThresholdPublicKey>> keys) {
    this.self = Objects.requireNonNull(self, "self");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /**
   * Checks {@code proof} of a statement of type {@code kind} signed by {@code from}.
   *
   * @throws CertificateException UNKNOWN_DEALING, WRONG_STATEMENT, BAD_PATH or BAD_SIGNATURE
   */
  public void check(
      TransactionProof proof,
      AsId from,
      Class<? extends CrossAsStatement.TransactionStatement> kind)
      throws CertificateException {
    CrossAsStatement.TransactionStatement statement = proof.statement();
    if (!kind.isInstance(statement)
        || !statement.sourceAs().equals(from)
        || !statement.destinationAs().equals(self)) {
      throw new CertificateException(
          Reason.WRONG_STATEMENT, "expected a " + kind.getSimpleName() + " from " + from);
    }
    ThresholdPublicKey key =
        keys.apply(proof.dealing())
            .orElseThrow(
                () -> new CertificateException(Reason.UNKNOWN_DEALING, proof.dealing().toString()));
    if (proof instanceof TransactionProof.Batched batched) {
      batched.verifyPath();
      if (!verifiedBatches.containsKey(batched.batchCertificate())) {
        signatureChecks++;
        batched.batchCertificate().verify(key);
        verifiedBatches.put(batched.batchCertificate(), Boolean.TRUE);
      }
      return;
    }
    signatureChecks++;
    proof.verify(key);
  }

  /** How many threshold signatures this checker verified (a pairing check each). */
  public long signatureChecks() {
    return signatureChecks;
  }
}
