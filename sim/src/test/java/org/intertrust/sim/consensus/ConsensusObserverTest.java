package org.intertrust.sim.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.intertrust.consensus.Block;
import org.intertrust.consensus.Messages;
import org.intertrust.consensus.QuorumCertificate;
import org.intertrust.crypto.bls.BlsSecretKey;
import org.intertrust.crypto.bls.ThresholdDealer;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.SigningDomain;
import org.junit.jupiter.api.Test;

class ConsensusObserverTest {
  private static final AsId AS = new AsId(1);

  @Test
  void aForgedCertificate_heldByAnHonestReplica_isAViolation() {
    ThresholdDealer.DealtKey key = ThresholdDealer.dealRandom(3, 4, new Random(1));
    Block genesis = Block.genesis(AS);
    ConsensusObserver observer =
        new ConsensusObserver(4, Set.of(3), key.publicKey(), genesis.hash());
    byte[] statement = Messages.voteStatement(AS, 1, 1, genesis.hash());
    var forged =
        new QuorumCertificate(
            AS,
            1,
            1,
            genesis.hash(),
            BlsSecretKey.generate(new java.security.SecureRandom())
                .sign(SigningDomain.CONSENSUS_COMMIT, statement));
    observer.certified(3, forged, 10);
    assertEquals(List.of(), observer.violations(), "a Byzantine replica's view is not checked");
    observer.certified(0, forged, 11);
    assertEquals(1, observer.violations().size());
    assertTrue(observer.violations().get(0).toString().contains("certificates-valid"));
  }

  @Test
  void twoHonestReplicas_committingDifferentBlocksAtOneHeight_isAViolation() {
    ThresholdDealer.DealtKey key = ThresholdDealer.dealRandom(3, 4, new Random(2));
    Block genesis = Block.genesis(AS);
    ConsensusObserver observer =
        new ConsensusObserver(4, Set.of(), key.publicKey(), genesis.hash());
    QuorumCertificate qc = QuorumCertificate.genesis(genesis);
    Block a = new Block(AS, 1, 1, genesis.hash(), 1, 5, new byte[] {1}, qc);
    Block b = new Block(AS, 1, 1, genesis.hash(), 1, 5, new byte[] {2}, qc);
    observer.committed(0, List.of(a));
    observer.committed(1, List.of(b));
    assertTrue(observer.violations().toString().contains("agreement"), "" + observer.violations());
  }
}
