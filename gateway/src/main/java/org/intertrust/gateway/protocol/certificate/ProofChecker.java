package org.intertrust.gateway.protocol.certificate;

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
 */
public final class ProofChecker {
  private final AsId self;
  private final Function<DealingReference, Optional<ThresholdPublicKey>> keys;

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
    proof.verify(key);
  }
}
