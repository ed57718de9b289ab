package org.intertrust.sim.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.intertrust.crypto.bls.BlsSecretKey;
import org.intertrust.crypto.bls.ThresholdDealer;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.ledger.block.BlockExecutor;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.block.ExecutionCertificate;
import org.intertrust.ledger.block.ExecutionStatement;
import org.intertrust.ledger.replication.LedgerReplica.CertificateOutcome;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.tx.GenesisAllocation;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.ConsensusTime;
import org.junit.jupiter.api.Test;

class LedgerObserverTest {
  private static final AsId AS = new AsId(1);
  private static final ThresholdDealer.DealtKey KEY =
      ThresholdDealer.dealRandom(2, 4, new Random(1));

  private static ExecutedBlock genesisWith(long amount) {
    AccountId account = AccountId.of(IdentityKeyPair.generate(new SecureRandom()).publicKey());
    GenesisAllocation genesis =
        new GenesisAllocation(
            AS,
            List.of(
                new GenesisAllocation.Allocation(account, AssetId.of("COIN"), Amount.of(amount))));
    return BlockExecutor.propose(
        Optional.empty(), LedgerState.EMPTY, AS, 0, ConsensusTime.EPOCH, List.of(genesis));
  }

  @Test
  void twoHonestReplicasWithDifferentStateHashesAtOneHeight_isAViolation_aByzantineOneIsNot() {
    LedgerObserver observer = new LedgerObserver(4, Set.of(3), KEY.publicKey());
    ExecutedBlock one = genesisWith(5);
    ExecutedBlock other = genesisWith(6);
    observer.executed(0, one);
    observer.executed(1, one);
    observer.executed(3, other);
    assertEquals(List.of(), observer.violations());
    observer.executed(2, other);
    assertEquals(1, observer.violations().size());
    assertEquals("state-agreement", observer.violations().get(0).invariant());
  }

  @Test
  void aForgedOrDisagreeingExecutionCertificate_isAViolation() {
    LedgerObserver observer = new LedgerObserver(4, Set.of(), KEY.publicKey());
    ExecutedBlock executed = genesisWith(7);
    observer.executed(0, executed);
    ExecutionStatement statement =
        new ExecutionStatement(
            AS,
            executed.block().header().height(),
            executed.block().hash(),
            executed.state().hash());
    ExecutionCertificate forged =
        new ExecutionCertificate(
            statement,
            BlsSecretKey.generate(new SecureRandom())
                .sign(SigningDomain.EXECUTION, statement.encode()));
    observer.certificate(1, forged, CertificateOutcome.INVALID);
    assertTrue(
        observer.violations().toString().contains("execution-certificates-valid"),
        observer.violations().toString());
    LedgerObserver fresh = new LedgerObserver(4, Set.of(), KEY.publicKey());
    fresh.executed(0, executed);
    ExecutionStatement otherState =
        new ExecutionStatement(
            AS, statement.height(), statement.blockHash(), genesisWith(8).state().hash());
    List<org.intertrust.crypto.bls.PartialSignature> shares =
        List.of(
            KEY.shares().get(0).signPartial(SigningDomain.EXECUTION, otherState.encode()),
            KEY.shares().get(1).signPartial(SigningDomain.EXECUTION, otherState.encode()));
    var combined =
        (org.intertrust.crypto.bls.CombineResult.Combined)
            new org.intertrust.crypto.bls.ThresholdCombiner(new Random(2))
                .combine(KEY.publicKey(), SigningDomain.EXECUTION, otherState.encode(), shares);
    fresh.certificate(
        1,
        new ExecutionCertificate(otherState, combined.signature()),
        CertificateOutcome.CONFLICTS_WITH_OWN);
    assertEquals(1, fresh.violations().size(), fresh.violations().toString());
  }
}
