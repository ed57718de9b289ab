package org.intertrust.ledger.merkle;

import java.util.List;
import java.util.Objects;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.Hash32;

/**
 * An inclusion proof: leaf {@code index} of a tree of {@code treeSize} leaves, with the sibling
 * hashes from the leaf up to the root. Verified by the algorithm of RFC 9162 section 2.1.3.2.
 *
 * <p>The root does not commit to the tree size: a proof may also verify under another size whose
 * path has the same shape. A verifier must take the size (and the root) from the signed batch
 * statement, not from the proof.
 *
 * @param index the leaf's position, in {@code 0..treeSize-1}
 * @param treeSize the number of leaves
 * @param path the sibling hashes, leaf level first
 */
public record MerkleProof(long index, long treeSize, List<Hash32> path) {

  /** Longest path accepted when decoding: enough for 2^63 leaves. */
  public static final int MAX_PATH_LENGTH = 63;

  /**
   * Copies the path and checks the index.
   *
   * @throws IllegalArgumentException if {@code index} is outside {@code 0..treeSize-1}
   */
  public MerkleProof {
    path = List.copyOf(path);
    if (index < 0 || index >= treeSize) {
      throw new IllegalArgumentException("index " + index + " outside tree of " + treeSize);
    }
  }

  /** Returns whether {@code leaf} at this proof's index hashes up to {@code root}. */
  public boolean verify(byte[] leaf, Hash32 root) {
    return verifyLeafHash(MerkleTree.leafHash(Objects.requireNonNull(leaf, "leaf")), root);
  }

  /** Returns whether a leaf with hash {@code leafHash} at this proof's index gives {@code root}. */
  public boolean verifyLeafHash(Hash32 leafHash, Hash32 root) {
    long fn = index;
    long sn = treeSize - 1;
    Hash32 r = leafHash;
    for (Hash32 p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleTree.nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = MerkleTree.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && r.equals(root);
  }

  /** Writes u64 index, u64 tree size, u8 path length, then the hashes. */
  public void write(CanonicalWriter w) throws EncodingException {
    w.u64(index).u64(treeSize).u8(path.size());
    for (Hash32 hash : path) {
      hash.write(w);
    }
  }

  /** Reads a proof written by {@link #write}, rejecting impossible sizes. */
  public static MerkleProof read(CanonicalReader r) throws EncodingException {
    long index = r.u64();
    long size = r.u64();
    int length = r.u8();
    if (index < 0 || size <= 0 || index >= size || length > MAX_PATH_LENGTH) {
      throw new EncodingException(EncodingException.Reason.INVALID_VALUE, "bad Merkle proof");
    }
    Hash32[] path = new Hash32[length];
    for (int i = 0; i < length; i++) {
      path[i] = Hash32.read(r);
    }
    return new MerkleProof(index, size, List.of(path));
  }
}
