package org.intertrust.gateway.protocol.attestation;

import java.util.Set;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.crypto.identity.KeyDecodingException;
import org.intertrust.crypto.identity.SignatureDecodingException;
import org.intertrust.gateway.tee.Backend;
import org.intertrust.gateway.tee.Quote;

/**
 * Trust in software-backend platforms: a quote is trusted if it names one of the configured
 * platform keys, and its signature is Ed25519 by that key. Remember that such a quote proves
 * nothing about the code that ran (the software backend protects nothing).
 */
public final class SoftwarePlatformTrust implements PlatformTrust {
  private final Set<IdentityPublicKey> roots;

  /** Trusts quotes signed by any of {@code roots}. */
  public SoftwarePlatformTrust(Set<IdentityPublicKey> roots) {
    this.roots = Set.copyOf(roots);
  }

  @Override
  public boolean trusts(Quote quote) {
    if (quote.backend() != Backend.SOFTWARE) {
      return false;
    }
    try {
      return roots.contains(IdentityPublicKey.fromBytes(quote.platformKey()));
    } catch (KeyDecodingException e) {
      return false;
    }
  }

  @Override
  public boolean signatureValid(Quote quote) {
    try {
      return IdentityPublicKey.fromBytes(quote.platformKey())
          .verify(
              SigningDomain.ATTESTATION_QUOTE,
              quote.signedBytes(),
              IdentitySignature.fromBytes(quote.signature()));
    } catch (KeyDecodingException | SignatureDecodingException e) {
      return false;
    }
  }
}
