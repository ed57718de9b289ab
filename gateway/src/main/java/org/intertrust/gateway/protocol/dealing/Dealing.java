package org.intertrust.gateway.protocol.dealing;

import java.util.Objects;
import org.intertrust.crypto.dealing.DealingRecord;

/**
 * A dealing made by this gateway's enclave, with its reference.
 *
 * @param record the signed dealing record (relayed to the holders' gateway)
 * @param reference its reference, named in certificates signed with it
 */
public record Dealing(DealingRecord record, DealingReference reference) {
  /** Checks the fields. */
  public Dealing {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(reference, "reference");
  }

  /** Wraps a record with its computed reference. */
  public static Dealing of(DealingRecord record) {
    return new Dealing(record, DealingReference.of(record));
  }
}
