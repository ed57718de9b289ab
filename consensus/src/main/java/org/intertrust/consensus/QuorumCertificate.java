package org.intertrust.consensus;

import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.SigningDomain;

/**
 * A threshold signature of 2f+1 replicas on a {@link VoteStatement}: proof that a quorum voted for
 * block {@code blockHash} in {@code round}. The genesis certificate has no signature and is valid
 * by definition for the genesis block only.
 */
public record QuorumCertificate(
    AsId as, long round, long height, BlockHash blockHash, BlsSignature signature) {

  /** The certificate of the genesis block. */
  public static QuorumCertificate genesis(Block genesis) {
    return new QuorumCertificate(genesis.as(), 0, 0, genesis.hash(), null);
  }

  public boolean isGenesis() {
    return signature == null;
  }

  VoteStatement statement() {
    return new VoteStatement(as, round, height, blockHash);
  }

  /** Verifies the signature under the AS's commit key (the genesis certificate: its shape). */
  public boolean verify(ThresholdPublicKey commitKey, BlockHash genesisHash) {
    return verify(commitKey, genesisHash, SignatureVerifier.DIRECT);
  }

  /** {@link #verify(ThresholdPublicKey, BlockHash)}, checking the signature through {@code via}. */
  public boolean verify(
      ThresholdPublicKey commitKey, BlockHash genesisHash, SignatureVerifier via) {
    if (isGenesis()) {
      return round == 0 && height == 0 && blockHash.equals(genesisHash);
    }
    return via.verifyBls(
        commitKey.groupKey(), SigningDomain.CONSENSUS_COMMIT, statement().encode(), signature);
  }

  @Override
  public String toString() {
    return "QC[r=" + round + " h=" + height + " " + blockHash + "]";
  }
}
