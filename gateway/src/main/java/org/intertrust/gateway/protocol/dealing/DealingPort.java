package org.intertrust.gateway.protocol.dealing;

import java.util.List;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.crypto.dealing.DealingException;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.identity.AgreementPublicKey;

/**
 * Dealing inside the enclave: a signed (k, n) dealing for {@code context}, share i encrypted to
 * {@code holders.get(i-1)}. Deterministic in (sealed seed, context, k, holders): asking again
 * returns an identical key.
 */
public interface DealingPort {
  /**
   * Deals a key.
   *
   * @throws DealingException INVALID_HOLDER_KEY if a holder's key is unusable
   */
  DealingRecord deal(DealingContext context, int threshold, List<AgreementPublicKey> holders)
      throws DealingException;
}
