package org.intertrust.gateway.protocol.replica;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.gateway.protocol.certificate.CertificateException;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.gateway.protocol.replica.ProvenanceProblem.Reason;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.tx.DecisionRecord;
import org.intertrust.ledger.tx.EscrowFinalize;
import org.intertrust.ledger.tx.EscrowRefund;
import org.intertrust.ledger.tx.MessageDelivery;
import org.intertrust.ledger.tx.SwapExecute;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.VoucherBurn;
import org.intertrust.ledger.tx.VoucherMint;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * The provenance check of DESIGN.md §5.6, applied by every replica to a transaction a gateway
 * submits on the peer AS's behalf (before admitting it and before voting for a block that holds
 * it), and by auditors to a ledger: the change must rest on a certificate that verifies under a
 * dealing made by one of this AS's own gateway enclaves (this AS dealt the key the peer's replicas
 * signed with), on the right statement.
 *
 * <ul>
 *   <li>On the destination: {@link VoucherMint}, {@link SwapExecute}, {@link MessageDelivery} and
 *       {@link DecisionRecord} rest on the source's LOCKED certificate for the same id and
 *       deadline; a mint's relayed {@link TransferTerms} must hash to the id and match what is
 *       credited; a swap's and a message's id is derived from the terms they carry (ADR 0008), and
 *       a message's payload must have the hash its terms state.
 *   <li>On the source: {@link EscrowFinalize} and {@link VoucherBurn} rest on an UNLOCK decision,
 *       {@link EscrowRefund} on a RELEASE decision, each from the counterpart for the same id.
 * </ul>
 *
 * Other kinds return no problem: they are not caused by the peer ({@code ExpireEntry} decides
 * RELEASE only after the deadline in this AS's own consensus time and needs no certificate).
 */
public final class Provenance {
  private final AsId self;
  private final List<IdentityPublicKey> ownEnclaves;

  /** A checker for the replicas of {@code self}, whose gateway enclaves are {@code ownEnclaves}. */
  public Provenance(AsId self, Collection<IdentityPublicKey> ownEnclaves) {
    this.self = Objects.requireNonNull(self, "self");
    this.ownEnclaves = List.copyOf(ownEnclaves);
  }

  /** Whether {@code tx} needs a certificate from the peer AS. */
  public static boolean isPeerCaused(Transaction tx) {
    return tx instanceof VoucherMint
        || tx instanceof MessageDelivery
        || tx instanceof SwapExecute
        || tx instanceof DecisionRecord
        || tx instanceof EscrowFinalize
        || tx instanceof VoucherBurn
        || tx instanceof EscrowRefund;
  }

  /** The problem with {@code tx}'s provenance, or empty if it has none (or needs none). */
  public Optional<ProvenanceProblem> check(Transaction tx) {
    try {
      checkOrThrow(tx);
      return Optional.empty();
    } catch (ProvenanceException e) {
      return Optional.of(e.problem());
    }
  }

  private void checkOrThrow(Transaction tx) throws ProvenanceException {
    if (tx instanceof VoucherMint mint) {
      ProvenanceBundle bundle = lock(mint.certificate(), mint.source(), mint.crossTxId());
      expect(bundle.proof().statement().deadline().equals(mint.deadline()), "deadline");
      checkTerms(mint, bundle.terms());
    } else if (tx instanceof MessageDelivery delivery) {
      ProvenanceBundle bundle =
          lock(delivery.certificate(), delivery.source(), delivery.crossTxId());
      expect(bundle.proof().statement().deadline().equals(delivery.deadline()), "deadline");
      if (!delivery.terms().matches(delivery.payload())) {
        throw problem(Reason.TERMS_MISMATCH, "payload of " + delivery.crossTxId() + " differs");
      }
    } else if (tx instanceof SwapExecute swap) {
      ProvenanceBundle bundle = lock(swap.certificate(), swap.terms().source(), swap.crossTxId());
      expect(bundle.proof().statement().deadline().equals(swap.terms().deadline()), "deadline");
    } else if (tx instanceof DecisionRecord record) {
      ProvenanceBundle bundle = lock(record.certificate(), record.source(), record.crossTxId());
      expect(bundle.proof().statement().deadline().equals(record.deadline()), "deadline");
    } else if (tx instanceof EscrowFinalize finalize) {
      decision(finalize.certificate(), finalize.crossTxId(), Decision.UNLOCK);
    } else if (tx instanceof VoucherBurn burn) {
      decision(burn.certificate(), burn.crossTxId(), Decision.UNLOCK);
    } else if (tx instanceof EscrowRefund refund) {
      decision(refund.certificate(), refund.crossTxId(), Decision.RELEASE);
    }
  }

  private ProvenanceBundle lock(CertificateBytes bytes, AsId source, CrossAsTxId id)
      throws ProvenanceException {
    ProvenanceBundle bundle = verified(bytes);
    CrossAsStatement.TransactionStatement statement = bundle.proof().statement();
    expect(statement instanceof CrossAsStatement.Lock, "a LOCKED statement");
    expect(statement.sourceAs().equals(source), "signed by the source " + source);
    expect(statement.tx().equals(id), "on " + id);
    return bundle;
  }

  private void decision(CertificateBytes bytes, CrossAsTxId id, Decision expected)
      throws ProvenanceException {
    ProvenanceBundle bundle = verified(bytes);
    CrossAsStatement.TransactionStatement statement = bundle.proof().statement();
    expect(statement instanceof CrossAsStatement.DecisionStatement, "a DECISION statement");
    expect(statement.tx().equals(id), "on " + id);
    expect(
        ((CrossAsStatement.DecisionStatement) statement).decision() == expected,
        "decision " + expected);
  }

  /** Decodes the bundle and checks the proof under a dealing this AS made for the signer. */
  private ProvenanceBundle verified(CertificateBytes bytes) throws ProvenanceException {
    ProvenanceBundle bundle = ProvenanceBundle.decode(bytes, ownEnclaves);
    TransactionProof proof = bundle.proof();
    DealingRecord dealing = bundle.dealing();
    CrossAsStatement.TransactionStatement statement = proof.statement();
    expect(statement.destinationAs().equals(self), "addressed to " + self);
    expect(!statement.sourceAs().equals(self), "signed by another AS");
    if (!dealing.context().dealerAs().equals(self)
        || !dealing.context().holderAs().equals(statement.sourceAs())
        || !DealingReference.of(dealing).equals(proof.dealing())) {
      throw problem(Reason.UNKNOWN_DEALING, "dealing " + dealing + " is not the proof's");
    }
    try {
      proof.verify(dealing.publicKey());
    } catch (CertificateException e) {
      throw problem(Reason.BAD_SIGNATURE, e.getMessage());
    }
    return bundle;
  }

  private void checkTerms(VoucherMint mint, Optional<TransferTerms> relayed)
      throws ProvenanceException {
    if (relayed.isEmpty()) {
      throw problem(Reason.TERMS_MISMATCH, "a mint needs the transfer's terms");
    }
    TransferTerms terms = relayed.get();
    if (!terms.id().equals(mint.crossTxId())
        || !terms.source().equals(mint.source())
        || !terms.destination().equals(self)
        || !terms.owner().equals(mint.recipient())
        || !terms.asset().equals(mint.sourceAsset())
        || !terms.amount().equals(mint.amount())
        || !terms.deadline().equals(mint.deadline())) {
      throw problem(Reason.TERMS_MISMATCH, "mint " + mint.crossTxId() + " differs from its terms");
    }
  }

  private static void expect(boolean condition, String what) throws ProvenanceException {
    if (!condition) {
      throw problem(Reason.WRONG_STATEMENT, "expected " + what);
    }
  }

  private static ProvenanceException problem(Reason reason, String detail) {
    return new ProvenanceException(new ProvenanceProblem(reason, detail));
  }
}
