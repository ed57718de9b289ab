package org.intertrust.ledger.execution;

/**
 * Why a transaction was rejected. Each has a fixed wire tag (receipts are stored and compared
 * between replicas); never change or reuse a tag.
 */
public enum RejectionReason {
  /** The transaction names another AS. */
  WRONG_CHAIN(1),
  /** The client signature does not verify. */
  BAD_SIGNATURE(2),
  /** The nonce is not the account's next one (a replay, or out of order). */
  BAD_NONCE(3),
  /** The account has used every nonce. */
  NONCE_EXHAUSTED(4),
  /** The amount is zero. */
  ZERO_AMOUNT(5),
  /** The asset is neither native here nor a voucher outstanding here. */
  UNKNOWN_ASSET(6),
  /** The balance is too small. */
  INSUFFICIENT_FUNDS(7),
  /** A balance or supply would exceed 2^63-1. */
  AMOUNT_OVERFLOW(8),
  /** The receiving account id is not a valid Ed25519 public key. */
  INVALID_RECIPIENT(9),
  /** Genesis allocation outside the genesis block. */
  GENESIS_ONLY(10),
  /** Genesis cannot create voucher denominations. */
  VOUCHER_IN_GENESIS(11),
  /** The cross-AS id already took effect in this role. */
  DUPLICATE_CROSS_AS_TX(12),
  /** No escrow is held for the cross-AS id. */
  UNKNOWN_CROSS_AS_TX(13),
  /** The escrow was already finalized or refunded. */
  ALREADY_SETTLED(14),
  /** The escrow's asset needs the other finalization kind (finalize vs voucher burn). */
  WRONG_ESCROW_KIND(15),
  /** The destination's consensus time is past the deadline. */
  DEADLINE_PASSED(16),
  /** The deadline has not passed yet, so the transaction cannot expire. */
  DEADLINE_NOT_REACHED(17),
  /** The counterpart AS is this AS. */
  SAME_AS(18),
  /** The voucher denomination would exceed 64 characters. */
  DENOMINATION_TOO_LONG(19),
  /** The escrow pool holds less than a returning voucher claims. */
  INSUFFICIENT_POOL(20),
  /** The inbox holds the maximum number of messages. */
  INBOX_FULL(21),
  /** The terms carried name another AS than the one executing them in their role. */
  TERMS_MISMATCH(22),
  /** A message's payload does not hash to the payload hash its terms commit to. */
  PAYLOAD_MISMATCH(23),
  /** A finalization names another beneficiary than the escrow's. */
  BENEFICIARY_MISMATCH(24);

  private final int tag;

  RejectionReason(int tag) {
    this.tag = tag;
  }

  /** Returns the wire tag. */
  public int tag() {
    return tag;
  }
}
