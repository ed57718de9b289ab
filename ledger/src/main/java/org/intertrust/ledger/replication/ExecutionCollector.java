package org.intertrust.ledger.replication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.intertrust.crypto.bls.CombineResult;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.ledger.block.ExecutionCertificate;
import org.intertrust.ledger.block.ExecutionStatement;

/**
 * The collector's side of execution certificates: gathers shares per statement and combines the
 * first f+1 on one statement (optimistically, blaming bad shares, as for quorum certificates).
 * Bounded: one share per signer per height, heights only within {@link #WINDOW} of the collector's
 * executed height, and a height is forgotten once certified or left behind.
 */
final class ExecutionCollector {
  /** How far from its executed height a collector accepts shares. */
  static final long WINDOW = 64;

  private final ThresholdPublicKey key;
  private final ThresholdCombiner combiner;
  private final TreeMap<Long, Set<Integer>> signers = new TreeMap<>();
  private final Map<ExecutionStatement, Map<Integer, PartialSignature>> shares = new HashMap<>();
  private final Set<Long> certified = new HashSet<>();

  ExecutionCollector(ThresholdPublicKey key, ThresholdCombiner combiner) {
    this.key = key;
    this.combiner = combiner;
  }

  /** Outcome of a share: a certificate, and the signers whose shares failed to combine. */
  record Outcome(Optional<ExecutionCertificate> certificate, List<Integer> blamed) {
    static final Outcome NOTHING = new Outcome(Optional.empty(), List.of());
  }

  /** Adds a share whose signer index and AS the caller checked. */
  Outcome add(ExecutionShare share, long executedHeight) {
    long height = share.statement().height().value();
    forgetBefore(executedHeight - WINDOW);
    if (height > executedHeight + WINDOW
        || height < executedHeight - WINDOW
        || certified.contains(height)
        || !signers.computeIfAbsent(height, h -> new HashSet<>()).add(share.signer())) {
      return Outcome.NOTHING;
    }
    Map<Integer, PartialSignature> group =
        shares.computeIfAbsent(share.statement(), s -> new TreeMap<>());
    group.put(share.signer(), share.share());
    if (group.size() < key.threshold()) {
      return Outcome.NOTHING;
    }
    return combine(share.statement(), group);
  }

  private Outcome combine(ExecutionStatement statement, Map<Integer, PartialSignature> group) {
    CombineResult result =
        combiner.combine(key, SigningDomain.EXECUTION, statement.encode(), group.values());
    List<Integer> blamed = new ArrayList<>();
    for (ShareIndex index : result.blamed()) {
      int signer = index.value() - 1;
      if (group.remove(signer) != null) {
        blamed.add(signer);
      }
    }
    if (result instanceof CombineResult.Combined combined) {
      long height = statement.height().value();
      certified.add(height);
      shares.keySet().removeIf(s -> s.height().value() == height);
      return new Outcome(
          Optional.of(new ExecutionCertificate(statement, combined.signature())), blamed);
    }
    return new Outcome(Optional.empty(), blamed);
  }

  private void forgetBefore(long height) {
    while (!signers.isEmpty() && signers.firstKey() < height) {
      long old = signers.pollFirstEntry().getKey();
      shares.keySet().removeIf(s -> s.height().value() == old);
    }
    certified.removeIf(h -> h < height);
  }
}
