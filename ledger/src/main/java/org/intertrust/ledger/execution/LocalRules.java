package org.intertrust.ledger.execution;

import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.tx.GenesisAllocation;
import org.intertrust.ledger.tx.Transfer;

/** Rules of the AS-internal kinds: genesis allocation and transfer. */
final class LocalRules {

  private LocalRules() {}

  static void genesis(Step step, GenesisAllocation tx) throws TxRejectedException {
    if (!step.ctx().height().isGenesis()) {
      throw new TxRejectedException(
          RejectionReason.GENESIS_ONLY, "at height " + step.ctx().height());
    }
    for (GenesisAllocation.Allocation allocation : tx.allocations()) {
      if (allocation.asset().isVoucher()) {
        throw new TxRejectedException(
            RejectionReason.VOUCHER_IN_GENESIS, allocation.asset().toString());
      }
      Checks.positive(allocation.amount());
      Checks.validRecipient(allocation.account());
      step.effects().addAmount(Section.SUPPLY, allocation.asset(), allocation.amount());
      step.effects().credit(allocation.account(), allocation.asset(), allocation.amount());
    }
  }

  static void transfer(Step step, Transfer tx) throws TxRejectedException {
    Checks.positive(tx.amount());
    Checks.knownAsset(step.effects(), tx.asset());
    Checks.validRecipient(tx.to());
    Checks.authorised(step, tx);
    step.effects().debit(tx.from(), tx.asset(), tx.amount());
    step.effects().credit(tx.to(), tx.asset(), tx.amount());
  }
}
