package org.intertrust.ledger.execution;

import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.state.CrossAsKey;
import org.intertrust.ledger.state.CrossAsRecord;
import org.intertrust.ledger.state.CrossAsRole;
import org.intertrust.ledger.state.CrossAsStatus;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.state.StateView;
import org.intertrust.ledger.tx.SignedTransaction;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Nonce;

/** Checks shared by the rules; each throws {@link TxRejectedException} with a typed reason. */
final class Checks {

  private Checks() {}

  static void positive(Amount amount) throws TxRejectedException {
    if (amount.isZero()) {
      throw new TxRejectedException(RejectionReason.ZERO_AMOUNT, "amount is zero");
    }
  }

  static void knownAsset(StateView state, AssetId asset) throws TxRejectedException {
    if (!state.isKnownAsset(asset)) {
      throw new TxRejectedException(RejectionReason.UNKNOWN_ASSET, asset.toString());
    }
  }

  static void validRecipient(AccountId account) throws TxRejectedException {
    if (account.publicKey().isEmpty()) {
      throw new TxRejectedException(RejectionReason.INVALID_RECIPIENT, account.toString());
    }
  }

  static void otherAs(AsId counterpart, ExecutionContext ctx) throws TxRejectedException {
    if (counterpart.equals(ctx.self())) {
      throw new TxRejectedException(RejectionReason.SAME_AS, "counterpart is " + counterpart);
    }
  }

  /** Checks that terms executed here in the source role name this AS as their source. */
  static void sourceIsSelf(AsId source, ExecutionContext ctx) throws TxRejectedException {
    if (!source.equals(ctx.self())) {
      throw new TxRejectedException(
          RejectionReason.TERMS_MISMATCH, "terms from " + source + ", executed on " + ctx.self());
    }
  }

  /** Checks that terms executed here in the destination role name this AS as destination. */
  static void destinationIsSelf(AsId destination, ExecutionContext ctx) throws TxRejectedException {
    if (!destination.equals(ctx.self())) {
      throw new TxRejectedException(
          RejectionReason.TERMS_MISMATCH,
          "terms for " + destination + ", executed on " + ctx.self());
    }
  }

  static void notPast(ConsensusTime deadline, ExecutionContext ctx) throws TxRejectedException {
    if (ctx.time().isAfter(deadline)) {
      throw new TxRejectedException(
          RejectionReason.DEADLINE_PASSED, "time " + ctx.time() + " > deadline " + deadline);
    }
  }

  /**
   * Checks the nonce, then the signature (the costlier check, through the context's verifier), and
   * advances the signer's nonce.
   */
  static void authorised(Step step, SignedTransaction tx) throws TxRejectedException {
    Effects effects = step.effects();
    Nonce expected = effects.nonce(tx.signer());
    if (!tx.nonce().equals(expected)) {
      throw new TxRejectedException(
          RejectionReason.BAD_NONCE,
          "expected " + expected.value() + ", got " + tx.nonce().value());
    }
    Optional<Nonce> next = expected.next();
    if (next.isEmpty()) {
      throw new TxRejectedException(RejectionReason.NONCE_EXHAUSTED, tx.signer().toString());
    }
    if (!step.ctx().verifier().verify(tx, step.txId())) {
      throw new TxRejectedException(RejectionReason.BAD_SIGNATURE, tx.signer().toString());
    }
    effects.put(Section.NONCES, tx.signer(), next.get());
  }

  /** Checks that no record exists for {@code id} in {@code role} yet. */
  static CrossAsKey firstTime(StateView state, CrossAsTxId id, CrossAsRole role)
      throws TxRejectedException {
    CrossAsKey key = new CrossAsKey(id, role);
    Optional<CrossAsRecord> existing = state.get(Section.CROSS_AS, key);
    if (existing.isPresent()) {
      throw new TxRejectedException(
          RejectionReason.DUPLICATE_CROSS_AS_TX, id + " is " + existing.get().status());
    }
    return key;
  }

  /** Returns the source record of {@code id}, which must be LOCKED. */
  static CrossAsRecord locked(StateView state, CrossAsTxId id) throws TxRejectedException {
    Optional<CrossAsRecord> record =
        state.get(Section.CROSS_AS, new CrossAsKey(id, CrossAsRole.SOURCE));
    if (record.isEmpty()) {
      throw new TxRejectedException(RejectionReason.UNKNOWN_CROSS_AS_TX, id.toString());
    }
    if (record.get().status() != CrossAsStatus.LOCKED) {
      throw new TxRejectedException(
          RejectionReason.ALREADY_SETTLED, id + " is " + record.get().status());
    }
    return record.get();
  }
}
