package org.intertrust.ledger.tx;

import java.util.Optional;

/**
 * The kinds of ledger transaction, each with a fixed one-byte tag that is part of the wire format.
 * Tags are given explicitly, never derived from {@link #ordinal()}; never change or reuse one.
 */
public enum TransactionKind {
  /** Initial balances, only in the genesis block. */
  GENESIS_ALLOCATION(0x01, false),
  /** A client-signed transfer within the AS. */
  TRANSFER(0x02, false),
  /** Source AS: a client locks funds for a cross-AS transaction. */
  ESCROW_LOCK(0x10, true),
  /** Source AS: the destination decided UNLOCK; a native-asset escrow is finalized. */
  ESCROW_FINALIZE(0x11, true),
  /** Source AS: the destination decided RELEASE; the escrow returns to its owner. */
  ESCROW_REFUND(0x12, true),
  /** Destination AS: executes a transfer by minting a voucher (or returning an escrowed asset). */
  VOUCHER_MINT(0x13, true),
  /** Source AS: the destination decided UNLOCK; an escrowed voucher is burned. */
  VOUCHER_BURN(0x14, true),
  /** Destination AS: records a decision (UNLOCK or RELEASE, with reason). */
  DECISION_RECORD(0x15, true),
  /** Destination AS: the deadline passed; decides RELEASE unless already decided. */
  EXPIRE_ENTRY(0x16, true),
  /** Destination AS: decides a message, delivering its payload to an inbox or releasing it. */
  MESSAGE_DELIVERY(0x17, true),
  /** Source AS: the initiator of a swap escrows her asset for the counterparty. */
  SWAP_LOCK(0x18, true),
  /** Source AS: a sender records a message (by its payload hash) bound for another AS. */
  MESSAGE_SEND(0x19, true),
  /** Destination AS: decides a swap, executing the counterparty's leg or releasing it. */
  SWAP_EXECUTE(0x1A, true);

  private static final TransactionKind[] BY_TAG = indexByTag();

  private final int tag;
  private final boolean crossAs;

  TransactionKind(int tag, boolean crossAs) {
    this.tag = tag;
    this.crossAs = crossAs;
  }

  private static TransactionKind[] indexByTag() {
    TransactionKind[] table = new TransactionKind[256];
    for (TransactionKind kind : values()) {
      if (table[kind.tag] != null) {
        throw new IllegalStateException("duplicate tag " + kind.tag);
      }
      table[kind.tag] = kind;
    }
    return table;
  }

  /** Returns the one-byte tag, in {@code 1..255}. */
  public int tag() {
    return tag;
  }

  /** Returns whether transactions of this kind belong to the cross-AS protocol. */
  public boolean isCrossAs() {
    return crossAs;
  }

  /** Returns the kind with {@code tag}, or empty if none. */
  public static Optional<TransactionKind> fromTag(int tag) {
    return tag < 0 || tag > 255 ? Optional.empty() : Optional.ofNullable(BY_TAG[tag]);
  }
}
