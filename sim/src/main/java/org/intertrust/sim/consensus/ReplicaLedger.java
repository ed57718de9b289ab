package org.intertrust.sim.consensus;

import java.util.List;
import java.util.Optional;
import org.intertrust.consensus.Block;
import org.intertrust.consensus.PayloadSource;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.ledger.block.ExecutionCertificate;
import org.intertrust.ledger.replication.Admission;
import org.intertrust.ledger.replication.CommittedPayload;
import org.intertrust.ledger.replication.ExecutionShare;
import org.intertrust.ledger.replication.LedgerReplica;
import org.intertrust.ledger.replication.PayloadBatch;
import org.intertrust.ledger.store.LedgerStoreException;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.cpu.CpuCostTable;

/**
 * The ledger half of a simulated replica: feeds the consensus core its payloads, executes what it
 * commits, sends execution shares to each height's collector and, as collector, broadcasts the
 * certificates it combines. Crypto is charged to the node's CPU: each client signature checked,
 * each share signed, each combination and each certificate verified.
 */
final class ReplicaLedger {
  private final LedgerReplica ledger;
  private final LedgerObserver observer;
  private final int self;
  private final int threshold;
  private final Optional<KeyShare> forgeShares;
  private NodeContext<AsMessage> context;
  private long chargedChecks;

  /**
   * @param threshold the execution certificates' threshold, f+1 (the shares combined)
   * @param forgeShares for a {@link Behaviour#BAD_SHARES} replica: its key share, with which it
   *     signs the wrong message instead of its execution statement
   */
  ReplicaLedger(
      LedgerReplica ledger,
      LedgerObserver observer,
      int self,
      int threshold,
      Optional<KeyShare> forgeShares) {
    this.ledger = ledger;
    this.observer = observer;
    this.self = self;
    this.threshold = threshold;
    this.forgeShares = forgeShares;
  }

  /** What the consensus core proposes and checks: this replica's batches. */
  PayloadSource payloads() {
    return new PayloadSource() {
      @Override
      public byte[] next(long height, long time, int maxBytes) {
        return ledger.nextPayload(height, maxBytes);
      }

      @Override
      public byte[] next(long height, long time, int maxBytes, Ancestors ancestors) {
        return ledger.nextPayload(
            height, maxBytes, ancestors.payloadsAbove(ledger.executedHeight()));
      }

      @Override
      public boolean isValid(byte[] payload) {
        return isValid(ledger.executedHeight() + 1, payload);
      }

      @Override
      public boolean isValid(long height, byte[] payload) {
        PayloadBatch.Check check = ledger.checkPayload(height, payload);
        check.problem().ifPresent(observer::payloadRejected);
        return check.isValid();
      }
    };
  }

  void start(NodeContext<AsMessage> context) {
    this.context = context;
    observer.recovered(self, ledger.latestHeader(), ledger.state());
  }

  /** Executes committed blocks in order, sending each execution share to its collector. */
  void onCommit(List<Block> blocks) {
    for (Block block : blocks) {
      Optional<LedgerReplica.Execution> execution;
      try {
        execution =
            ledger.execute(
                new CommittedPayload(
                    block.height(), block.time(), block.proposer(), block.payload()));
      } catch (LedgerStoreException e) {
        throw new IllegalStateException("the simulated ledger store failed", e);
      }
      if (execution.isPresent()) {
        observer.executed(self, execution.get().executed());
        context.charge(CpuCostTable.BLS_SIGN_PARTIAL);
        ExecutionShare share = forged(execution.get().share());
        deliver(ledger.collector(share.statement().height().value()), new AsMessage.Share(share));
      }
    }
  }

  private ExecutionShare forged(ExecutionShare honest) {
    if (forgeShares.isEmpty()) {
      return honest;
    }
    byte[] wrong = honest.statement().stateHash().toBytes();
    return new ExecutionShare(
        honest.statement(),
        forgeShares.get().signPartial(SigningDomain.EXECUTION, wrong),
        honest.signer());
  }

  void onMessage(int from, AsMessage message) {
    if (message instanceof AsMessage.ClientTransaction tx) {
      Admission admission = ledger.submit(tx.encoded());
      observer.admitted(admission);
    } else if (message instanceof AsMessage.Share share) {
      onShare(from, share.share());
    } else if (message instanceof AsMessage.Certificate certificate) {
      onCertificate(certificate.certificate());
    }
    chargeSignatureChecks();
  }

  private void onShare(int from, ExecutionShare share) {
    if (share.signer() != from) {
      observer.shareRejected();
      return;
    }
    LedgerReplica.Collected collected = ledger.onShare(share);
    collected.blamed().forEach(signer -> observer.shareRejected());
    if (collected.certificate().isPresent()) {
      context.charge(CpuCostTable.BLS_COMBINE, threshold);
      AsMessage.Certificate message = new AsMessage.Certificate(collected.certificate().get());
      context.broadcast(message);
      onCertificate(collected.certificate().get());
    }
  }

  private void onCertificate(ExecutionCertificate certificate) {
    context.charge(CpuCostTable.BLS_VERIFY);
    try {
      observer.certificate(self, certificate, ledger.onCertificate(certificate));
    } catch (LedgerStoreException e) {
      throw new IllegalStateException("the simulated ledger store failed", e);
    }
  }

  /** Charges the client signatures checked since the last call (admission, proposals, blocks). */
  void chargeSignatureChecks() {
    long checks = ledger.signatureChecks();
    for (long i = chargedChecks; i < checks; i++) {
      context.charge(ReplicaNode.ED25519_VERIFY);
    }
    chargedChecks = checks;
  }

  private void deliver(int to, AsMessage message) {
    if (to == self) {
      onMessage(self, message);
    } else {
      context.send(to, message);
    }
  }

  LedgerReplica ledger() {
    return ledger;
  }
}
