package org.intertrust.sim.consensus;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.intertrust.consensus.SignatureVerifier;
import org.intertrust.crypto.bls.BlsPublicKey;
import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.IdentitySignature;

/**
 * A {@link SignatureVerifier} shared by the replicas of one simulation: the first check of a (key,
 * domain, message, signature) is done for real, later identical checks get the remembered result.
 * The answer is exactly what each replica would compute itself, so the simulation behaves as with
 * {@link SignatureVerifier#DIRECT}; only the host's wall time shrinks. The virtual CPU cost of
 * every check is still charged to each replica by {@link ReplicaNode}.
 *
 * <p>Bounded: at most {@link #CAPACITY} results are kept, the oldest dropped first. Not
 * thread-safe: one simulation runs on one thread.
 */
final class MemoizingVerifier implements SignatureVerifier {
  /** The most results remembered. */
  static final int CAPACITY = 1 << 16;

  private record Check(Object key, SigningDomain domain, ByteBuffer message, Object signature) {}

  private final SignatureVerifier delegate;
  private final Map<Check, Boolean> results =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Check, Boolean> eldest) {
          return size() > CAPACITY;
        }
      };
  private long checks;
  private long computed;

  MemoizingVerifier(SignatureVerifier delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean verifyIdentity(
      IdentityPublicKey key, SigningDomain domain, byte[] message, IdentitySignature signature) {
    Check check = new Check(key, domain, ByteBuffer.wrap(message.clone()), signature);
    return remember(check, () -> delegate.verifyIdentity(key, domain, message, signature));
  }

  @Override
  public boolean verifyBls(
      BlsPublicKey key, SigningDomain domain, byte[] message, BlsSignature signature) {
    Check check = new Check(key, domain, ByteBuffer.wrap(message.clone()), signature);
    return remember(check, () -> delegate.verifyBls(key, domain, message, signature));
  }

  private boolean remember(Check check, java.util.function.BooleanSupplier verify) {
    Boolean known;
    synchronized (this) {
      checks++;
      known = results.get(check);
      if (known == null) {
        computed++;
      }
    }
    if (known != null) {
      return known;
    }
    boolean result = verify.getAsBoolean();
    synchronized (this) {
      results.put(check, result);
    }
    return result;
  }

  /** Checks asked for. */
  synchronized long checks() {
    return checks;
  }

  /** Checks actually computed (the rest were remembered). */
  synchronized long computed() {
    return computed;
  }
}
