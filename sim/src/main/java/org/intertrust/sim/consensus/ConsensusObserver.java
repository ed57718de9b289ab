package org.intertrust.sim.consensus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.intertrust.consensus.Block;
import org.intertrust.consensus.BlockHash;
import org.intertrust.consensus.ConsensusDecodingException;
import org.intertrust.consensus.QuorumCertificate;
import org.intertrust.consensus.RejectReason;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.sim.Violation;

/**
 * What the simulated replicas did, recorded for the invariants and the summary: each replica's
 * committed chain, the votes each honest replica signed, when each replica first held a certificate
 * for each block, the rounds that ended by timeout, and the rejections by reason.
 */
public final class ConsensusObserver {
  private final int replicas;
  private final Set<Integer> byzantine;
  private final List<List<Block>> committed = new ArrayList<>();
  private final List<BlockHash> reference = new ArrayList<>();
  private final Map<Integer, Map<Long, BlockHash>> votes = new HashMap<>();
  private final Map<BlockHash, long[]> certifiedAt = new HashMap<>();
  private final Map<BlockHash, Long> proposedAt = new HashMap<>();
  private final Set<Long> timedOutRounds = new HashSet<>();
  private final Map<RejectReason, Long> rejections = new EnumMap<>(RejectReason.class);
  private final Map<ConsensusDecodingException.Reason, Long> undecodable =
      new EnumMap<>(ConsensusDecodingException.Reason.class);
  private final List<Violation> violations = new ArrayList<>();
  private final Set<QuorumCertificate> checkedCertificates = new HashSet<>();
  private final ThresholdPublicKey commitKey;
  private final BlockHash genesis;

  ConsensusObserver(
      int replicas, Set<Integer> byzantine, ThresholdPublicKey commitKey, BlockHash genesis) {
    this.replicas = replicas;
    this.byzantine = Set.copyOf(byzantine);
    this.commitKey = commitKey;
    this.genesis = genesis;
    for (int i = 0; i < replicas; i++) {
      committed.add(new ArrayList<>());
    }
  }

  synchronized boolean isHonest(int replica) {
    return replica < replicas && !byzantine.contains(replica);
  }

  synchronized void committed(int replica, List<Block> blocks) {
    List<Block> chain = committed.get(replica);
    for (Block block : blocks) {
      if (block.height() <= chain.size()) {
        if (!chain.get((int) block.height() - 1).hash().equals(block.hash())) {
          violations.add(
              new Violation("agreement", "replica " + replica + " recommitted another " + block));
        }
      } else if (block.height() == chain.size() + 1) {
        chain.add(block);
        checkAgainstReference(replica, block);
      } else {
        violations.add(
            new Violation(
                "heights-monotonic",
                "replica " + replica + " jumped from " + chain.size() + " to " + block.height()));
      }
    }
  }

  /** Agreement, incrementally: the first honest commit at a height is the reference there. */
  private void checkAgainstReference(int replica, Block block) {
    if (!isHonest(replica)) {
      return;
    }
    int index = (int) block.height() - 1;
    if (index == reference.size()) {
      reference.add(block.hash());
    } else if (!reference.get(index).equals(block.hash())) {
      violations.add(
          new Violation(
              "agreement",
              "replica "
                  + replica
                  + " committed "
                  + block
                  + " at height "
                  + block.height()
                  + " where another honest replica committed "
                  + reference.get(index)));
    }
  }

  synchronized void voted(int replica, long round, BlockHash block) {
    if (!isHonest(replica)) {
      return;
    }
    BlockHash earlier = votes.computeIfAbsent(replica, r -> new HashMap<>()).put(round, block);
    if (earlier != null && !earlier.equals(block)) {
      violations.add(
          new Violation("no-conflicting-votes", "replica " + replica + " round " + round));
    }
  }

  synchronized void proposed(Block block, long now) {
    proposedAt.putIfAbsent(block.hash(), now);
  }

  /**
   * Replica {@code replica} adopted {@code certificate} as its highest: each distinct certificate
   * an honest replica adopts is verified once, independently of the replica ("certificates valid").
   */
  synchronized void certified(int replica, QuorumCertificate certificate, long now) {
    if (isHonest(replica)
        && checkedCertificates.add(certificate)
        && !certificate.verify(commitKey, genesis)) {
      violations.add(
          new Violation("certificates-valid", "replica " + replica + " holds " + certificate));
    }
    BlockHash block = certificate.blockHash();
    long[] times = certifiedAt.computeIfAbsent(block, b -> new long[replicas]);
    if (times[replica] == 0) {
      times[replica] = now;
    }
  }

  synchronized void timedOut(long round) {
    timedOutRounds.add(round);
  }

  synchronized void rejected(RejectReason reason) {
    rejections.merge(reason, 1L, Long::sum);
  }

  /** A replica received bytes that the wire codec rejected. */
  synchronized void undecodable(ConsensusDecodingException.Reason reason) {
    undecodable.merge(reason, 1L, Long::sum);
  }

  synchronized Map<ConsensusDecodingException.Reason, Long> undecodable() {
    return Map.copyOf(undecodable);
  }

  /** Violations found so far (agreement, monotonic heights, no conflicting votes). */
  synchronized List<Violation> violations() {
    return List.copyOf(violations);
  }

  /** The lowest committed height among honest replicas in {@code up}. */
  synchronized int minHonestHeight(Set<Integer> up) {
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < replicas; i++) {
      if (isHonest(i) && up.contains(i)) {
        min = Math.min(min, committed.get(i).size());
      }
    }
    return min == Integer.MAX_VALUE ? 0 : min;
  }

  /**
   * Round latencies in nanoseconds (DESIGN.md §7): from a block's proposal until every honest
   * replica holds a certificate for it; blocks some honest replica never saw certified are left
   * out.
   */
  synchronized List<Long> roundLatencies() {
    List<Long> latencies = new ArrayList<>();
    for (Map.Entry<BlockHash, long[]> entry : certifiedAt.entrySet()) {
      Long proposed = proposedAt.get(entry.getKey());
      long last = 0;
      boolean all = proposed != null;
      for (int i = 0; i < replicas && all; i++) {
        if (isHonest(i)) {
          all = entry.getValue()[i] != 0;
          last = Math.max(last, entry.getValue()[i]);
        }
      }
      if (all) {
        latencies.add(last - proposed);
      }
    }
    return latencies;
  }

  synchronized int viewChanges() {
    return timedOutRounds.size();
  }

  synchronized Map<RejectReason, Long> rejections() {
    return Map.copyOf(rejections);
  }
}
