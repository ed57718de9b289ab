package org.intertrust.ledger.tx;

import org.intertrust.ledger.value.CrossAsTxId;

/** A transaction that is one step of a cross-AS transaction, identified by its cross-AS id. */
public sealed interface CrossAsTransaction extends Transaction
    permits EscrowLock,
        EscrowFinalize,
        EscrowRefund,
        VoucherMint,
        VoucherBurn,
        DecisionRecord,
        ExpireEntry,
        MessageDelivery,
        SwapLock,
        MessageSend,
        SwapExecute {

  /** Returns the id of the cross-AS transaction this step belongs to. */
  CrossAsTxId crossTxId();
}
