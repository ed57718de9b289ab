package org.intertrust.consensus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.IdentitySignature;

/**
 * 2f+1 signed timeouts for one round: proof that a quorum gave up on it, and the round of the
 * highest certificate each of them held (a proposal after a timeout must extend a certificate at
 * least that high: Jolteon's safe-to-extend rule).
 */
public record TimeoutCertificate(AsId as, long round, List<Entry> entries) {
  /** One replica's signed timeout. */
  public record Entry(int sender, long highQcRound, IdentitySignature signature) {}

  public TimeoutCertificate {
    entries = List.copyOf(entries);
  }

  /** The highest certificate round among the entries. */
  public long maxHighQcRound() {
    return entries.stream().mapToLong(Entry::highQcRound).max().orElse(-1);
  }

  /** Checks that {@code quorum} distinct replicas signed a timeout for this round. */
  public boolean verify(List<IdentityPublicKey> replicaKeys, int quorum) {
    return verify(replicaKeys, quorum, SignatureVerifier.DIRECT);
  }

  /** {@link #verify(List, int)}, checking each signature through {@code via}. */
  public boolean verify(List<IdentityPublicKey> replicaKeys, int quorum, SignatureVerifier via) {
    Set<Integer> senders = new HashSet<>();
    for (Entry entry : entries) {
      if (entry.sender() < 0 || entry.sender() >= replicaKeys.size()) {
        return false;
      }
      byte[] statement = RoundStatement.timeout(as, round, entry.highQcRound()).encode();
      if (!via.verifyIdentity(
          replicaKeys.get(entry.sender()),
          SigningDomain.CONSENSUS_VIEW_CHANGE,
          statement,
          entry.signature())) {
        return false;
      }
      senders.add(entry.sender());
    }
    return senders.size() >= quorum;
  }
}
