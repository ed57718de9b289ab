package org.intertrust.sim.crossas;

import java.util.Arrays;
import java.util.Optional;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.gateway.protocol.replica.CrossAsTerms;
import org.intertrust.gateway.protocol.replica.ProvenanceBundle;
import org.intertrust.gateway.protocol.replica.TransferTerms;
import org.intertrust.ledger.tx.MessageDelivery;
import org.intertrust.ledger.tx.MessagePayload;
import org.intertrust.ledger.tx.SwapExecute;
import org.intertrust.ledger.tx.SwapTerms;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.VoucherMint;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.CertificateBytes;

/**
 * What a destination gateway submits to its AS for a certified lock, per kind (ADR 0008): a {@link
 * VoucherMint} for a TRANSFER (its terms in the provenance bundle), a {@link SwapExecute} for a
 * SWAP, a {@link MessageDelivery} for a MESSAGE (their terms in the transaction); and, for the
 * forged-certificate fault, a tampered copy on the same certificate, which Y's replicas must
 * refuse.
 */
final class DestinationTransactions {
  private DestinationTransactions() {}

  /** The honest transaction for {@code terms} on {@code own}, resting on {@code proof}. */
  static Transaction of(
      AsId own, CrossAsTerms terms, TransactionProof proof, DealingRecord dealing) {
    if (terms instanceof TransferTerms transfer) {
      return mint(own, transfer, transfer.amount(), proof, dealing);
    }
    CertificateBytes bundle = bundle(proof, dealing);
    if (terms instanceof CrossAsTerms.Swap swap) {
      return new SwapExecute(own, swap.terms(), swap.counterpartySignature(), bundle);
    }
    CrossAsTerms.Message message = (CrossAsTerms.Message) terms;
    return new MessageDelivery(own, message.terms(), message.payload(), bundle);
  }

  /** A forged transaction on the same certificate: more credited, other terms, another payload. */
  static Transaction forged(
      AsId own, CrossAsTerms terms, TransactionProof proof, DealingRecord dealing) {
    if (terms instanceof TransferTerms transfer) {
      return mint(own, transfer, Amount.of(transfer.amount().value() * 1_000), proof, dealing);
    }
    CertificateBytes bundle = bundle(proof, dealing);
    if (terms instanceof CrossAsTerms.Swap swap) {
      SwapTerms t = swap.terms();
      long other = t.counterpartyAmount().value() == 1 ? 2 : 1;
      SwapTerms altered =
          new SwapTerms(
              t.source(),
              t.destination(),
              t.initiator(),
              t.initiatorAsset(),
              t.initiatorAmount(),
              t.counterparty(),
              t.counterpartyAsset(),
              Amount.of(other),
              t.deadline(),
              t.nonce());
      return new SwapExecute(own, altered, swap.counterpartySignature(), bundle);
    }
    CrossAsTerms.Message message = (CrossAsTerms.Message) terms;
    byte[] bytes = message.payload().toBytes();
    byte[] tampered = Arrays.copyOf(bytes, Math.max(1, bytes.length));
    tampered[0] ^= 1;
    return new MessageDelivery(own, message.terms(), MessagePayload.of(tampered), bundle);
  }

  /** Who X pays on UNLOCK: Bob for a swap, nobody (the pool) otherwise or if the terms are lost. */
  static Optional<AccountId> beneficiary(CrossAsTerms terms) {
    return terms instanceof CrossAsTerms.Swap swap
        ? Optional.of(swap.terms().counterparty())
        : Optional.empty();
  }

  private static VoucherMint mint(
      AsId own,
      TransferTerms transfer,
      Amount amount,
      TransactionProof proof,
      DealingRecord dealing) {
    CertificateBytes bundle =
        new ProvenanceBundle(proof, dealing, Optional.of(transfer)).toCertificateBytes();
    return new VoucherMint(
        own,
        transfer.id(),
        transfer.source(),
        transfer.asset(),
        transfer.owner(),
        amount,
        transfer.deadline(),
        bundle);
  }

  private static CertificateBytes bundle(TransactionProof proof, DealingRecord dealing) {
    return new ProvenanceBundle(proof, dealing, Optional.empty()).toCertificateBytes();
  }
}
