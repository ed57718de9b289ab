package org.intertrust.gateway.protocol.certificate;

import java.util.ArrayList;
import java.util.List;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement.TransactionStatement;
import org.intertrust.ledger.merkle.MerkleTree;

/**
 * Batching (DESIGN.md §4, beyond the paper): replicas sign one {@link CrossAsStatement.Batch} over
 * the Merkle root of a block's transaction statements addressed to one AS; each transaction's proof
 * is the batch certificate plus its Merkle path. One batch uses one key, so batching needs
 * per-session dealing.
 */
public final class Batches {
  private Batches() {}

  /**
   * The batch statement over {@code leaves}, all from {@code signer} to {@code addressee}.
   *
   * @throws IllegalArgumentException if {@code leaves} is empty or a leaf names another AS pair
   */
  public static CrossAsStatement.Batch statement(
      AsId signer, AsId addressee, long batchId, List<? extends TransactionStatement> leaves) {
    return new CrossAsStatement.Batch(
        signer, addressee, batchId, tree(signer, addressee, leaves).root(), leaves.size());
  }

  /** The per-transaction proofs of every leaf, in leaf order, under {@code batchCertificate}. */
  public static List<TransactionProof.Batched> proofs(
      CrossAsCertificate batchCertificate, List<? extends TransactionStatement> leaves) {
    CrossAsStatement statement = batchCertificate.statement();
    MerkleTree tree = tree(statement.sourceAs(), statement.destinationAs(), leaves);
    List<TransactionProof.Batched> proofs = new ArrayList<>(leaves.size());
    for (int i = 0; i < leaves.size(); i++) {
      proofs.add(new TransactionProof.Batched(batchCertificate, leaves.get(i), tree.proof(i)));
    }
    return proofs;
  }

  /**
   * Whether {@code leaves} are exactly the leaves of {@code batch}: same AS pair, same count, same
   * root (so a gateway can take a block's leaves from anyone and check them against the statement
   * its replicas sign).
   */
  public static boolean matches(
      CrossAsStatement.Batch batch, List<? extends TransactionStatement> leaves) {
    try {
      return !leaves.isEmpty()
          && statement(batch.sourceAs(), batch.destinationAs(), batch.batchId(), leaves)
              .equals(batch);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static MerkleTree tree(
      AsId signer, AsId addressee, List<? extends TransactionStatement> leaves) {
    if (leaves.isEmpty()) {
      throw new IllegalArgumentException("a batch has at least one leaf");
    }
    List<byte[]> encoded = new ArrayList<>(leaves.size());
    for (TransactionStatement leaf : leaves) {
      if (!leaf.sourceAs().equals(signer) || !leaf.destinationAs().equals(addressee)) {
        throw new IllegalArgumentException(leaf + " is not from " + signer + " to " + addressee);
      }
      encoded.add(leaf.encode());
    }
    return MerkleTree.of(encoded);
  }
}
