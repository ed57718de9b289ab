package org.intertrust.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.intertrust.crypto.bls.CombineResult;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.SigningDomain;

/**
 * The collector's side of voting: gathers vote shares per (round, block) and, once a quorum of
 * distinct voters is in, combines them into a {@link QuorumCertificate}. Shares that fail to
 * combine are dropped and their voters reported; collection goes on until a quorum of valid shares
 * arrives.
 */
final class VoteCollector {
  private record Key(long round, long height, BlockHash blockHash) {}

  private final AsId as;
  private final ConsensusConfig config;
  private final ThresholdCombiner combiner;
  private final Map<Key, Map<Integer, ConsensusMessage.Vote>> pending = new HashMap<>();
  private final Map<Long, java.util.Set<Integer>> voters = new HashMap<>();
  private long certifiedRound = -1;

  VoteCollector(ConsensusConfig config, ThresholdCombiner combiner) {
    this.as = config.as();
    this.config = config;
    this.combiner = combiner;
  }

  /** Outcome of adding a vote: a certificate, and the votes whose shares were bad. */
  record Outcome(Optional<QuorumCertificate> certificate, List<ConsensusMessage.Vote> badVotes) {}

  /** Drops the votes of rounds before {@code round} that never formed a certificate. */
  void forgetBefore(long round) {
    pending.keySet().removeIf(k -> k.round() < round);
    voters.keySet().removeIf(r -> r < round);
  }

  Outcome add(ConsensusMessage.Vote vote) {
    if (vote.round() <= certifiedRound
        || !voters
            .computeIfAbsent(vote.round(), r -> new java.util.HashSet<>())
            .add(vote.sender())) {
      return new Outcome(Optional.empty(), List.of());
    }
    Key key = new Key(vote.round(), vote.height(), vote.blockHash());
    Map<Integer, ConsensusMessage.Vote> votes =
        pending.computeIfAbsent(key, k -> new LinkedHashMap<>());
    votes.putIfAbsent(vote.sender(), vote);
    if (votes.size() < config.quorum()) {
      return new Outcome(Optional.empty(), List.of());
    }
    return combine(key, votes);
  }

  private Outcome combine(Key key, Map<Integer, ConsensusMessage.Vote> votes) {
    long height = key.height();
    List<PartialSignature> shares = new ArrayList<>();
    votes.values().forEach(v -> shares.add(v.share()));
    VoteStatement statement = new VoteStatement(as, key.round(), height, key.blockHash());
    CombineResult result =
        combiner.combine(
            config.commitKey(), SigningDomain.CONSENSUS_COMMIT, statement.encode(), shares);
    List<ConsensusMessage.Vote> bad = new ArrayList<>();
    for (ShareIndex index : result.blamed()) {
      ConsensusMessage.Vote removed = votes.remove(index.value() - 1);
      if (removed != null) {
        bad.add(removed);
      }
    }
    if (result instanceof CombineResult.Combined combined) {
      certifiedRound = Math.max(certifiedRound, key.round());
      pending.keySet().removeIf(k -> k.round() <= key.round());
      voters.keySet().removeIf(round -> round <= key.round());
      return new Outcome(
          Optional.of(
              new QuorumCertificate(
                  as, key.round(), height, key.blockHash(), combined.signature())),
          bad);
    }
    return new Outcome(Optional.empty(), bad);
  }
}
