package org.intertrust.gateway.tee;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;

/**
 * What an enclave is asked to attest: the AS it serves, the AS of the peer that asked, the caller
 * data (a digest binding the enclave's public keys and its AS configuration), and the peer's
 * challenge nonce, which makes the quote fresh and unreplayable.
 *
 * @param self the AS of the quoting gateway
 * @param peer the AS of the verifying gateway
 * @param callerData 1..64 bytes chosen by the caller
 * @param nonce the verifier's challenge, {@link Quote#NONCE_LENGTH} bytes
 */
public record QuoteRequest(AsId self, AsId peer, byte[] callerData, byte[] nonce) {
  /** Checks the fields and copies the arrays. */
  public QuoteRequest {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(callerData, "callerData");
    Objects.requireNonNull(nonce, "nonce");
    if (callerData.length < 1 || callerData.length > Quote.MAX_CALLER_DATA) {
      throw new IllegalArgumentException("caller data must be 1.." + Quote.MAX_CALLER_DATA);
    }
    if (nonce.length != Quote.NONCE_LENGTH) {
      throw new IllegalArgumentException("nonce must be " + Quote.NONCE_LENGTH + " bytes");
    }
    callerData = callerData.clone();
    nonce = nonce.clone();
  }

  @Override
  public byte[] callerData() {
    return callerData.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }
}
