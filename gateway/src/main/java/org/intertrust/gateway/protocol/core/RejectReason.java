package org.intertrust.gateway.protocol.core;

/** Why a gateway core rejected an input. */
public enum RejectReason {
  /**
   * The message came from a sender that may not send it (a gateway of another AS, a non-member).
   */
  WRONG_SENDER,
  /** The message concerns a transaction this gateway does not know or no longer tracks. */
  UNKNOWN_TRANSACTION,
  /** A dealing record is not signed by the attested peer enclave, or is for other ASs. */
  BAD_DEALING,
  /** A relayed proof failed its check (see the detail for the certificate reason). */
  BAD_PROOF,
  /** A replica's share was refused by the collector (see the detail). */
  BAD_SHARE,
  /** The input would move the transaction's phase illegally. */
  ILLEGAL_TRANSITION,
  /** The duplicate filter is full of transactions in progress. */
  BUSY
}
