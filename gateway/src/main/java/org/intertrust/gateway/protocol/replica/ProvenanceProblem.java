package org.intertrust.gateway.protocol.replica;

import java.util.Objects;

/**
 * Why a gateway-submitted transaction fails its provenance check, with a detail for the log.
 *
 * @param reason the typed reason
 * @param detail what exactly, for people
 */
public record ProvenanceProblem(Reason reason, String detail) {
  /** The reasons. */
  public enum Reason {
    /** The certificate bytes are not a provenance bundle. */
    MALFORMED,
    /** The dealing was not made by a gateway enclave of this AS for the counterpart's replicas. */
    UNKNOWN_DEALING,
    /** The proof is not on the statement this transaction rests on. */
    WRONG_STATEMENT,
    /** The threshold signature (or Merkle path) does not verify under the dealing's key. */
    BAD_SIGNATURE,
    /** The relayed terms do not hash to the cross-AS id, or do not match the transaction. */
    TERMS_MISMATCH
  }

  /** Checks the fields. */
  public ProvenanceProblem {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return reason + ": " + detail;
  }
}
