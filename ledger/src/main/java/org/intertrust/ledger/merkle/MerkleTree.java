package org.intertrust.ledger.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Sha256;

/**
 * An RFC 6962 Merkle tree over a fixed list of leaves. The root of the empty tree is {@code
 * SHA-256("")}. Leaf hashes are computed once at construction; the root and proofs are computed on
 * demand in O(n) hashes. Immutable.
 */
public final class MerkleTree {

  static final byte LEAF_PREFIX = 0x00;
  static final byte NODE_PREFIX = 0x01;

  private final List<Hash32> leafHashes;

  private MerkleTree(List<Hash32> leafHashes) {
    this.leafHashes = leafHashes;
  }

  /** Builds the tree over {@code leaves}, in order. */
  public static MerkleTree of(List<byte[]> leaves) {
    List<Hash32> hashes = new ArrayList<>(leaves.size());
    for (byte[] leaf : leaves) {
      hashes.add(leafHash(Objects.requireNonNull(leaf, "leaf")));
    }
    return new MerkleTree(List.copyOf(hashes));
  }

  /** Returns the root hash of {@code leaves}. */
  public static Hash32 rootOf(List<byte[]> leaves) {
    return of(leaves).root();
  }

  /** Returns {@code SHA-256(0x00 || leaf)}. */
  public static Hash32 leafHash(byte[] leaf) {
    return Sha256.hash(new byte[] {LEAF_PREFIX}, leaf);
  }

  /** Returns {@code SHA-256(0x01 || left || right)}. */
  public static Hash32 nodeHash(Hash32 left, Hash32 right) {
    MessageDigest digest = Sha256.newDigest();
    digest.update(NODE_PREFIX);
    digest.update(left.toBytes());
    digest.update(right.toBytes());
    return Sha256.finish(digest);
  }

  /** Returns the number of leaves. */
  public int size() {
    return leafHashes.size();
  }

  /** Returns the root hash (RFC 6962 MTH). */
  public Hash32 root() {
    return leafHashes.isEmpty() ? Sha256.hash() : subtreeRoot(0, leafHashes.size());
  }

  /**
   * Returns the inclusion proof (RFC 6962 audit path) of leaf {@code index}.
   *
   * @throws IndexOutOfBoundsException if there is no such leaf
   */
  public MerkleProof proof(int index) {
    Objects.checkIndex(index, leafHashes.size());
    List<Hash32> path = new ArrayList<>();
    collectPath(index, 0, leafHashes.size(), path);
    return new MerkleProof(index, leafHashes.size(), path);
  }

  private Hash32 subtreeRoot(int from, int to) {
    int n = to - from;
    if (n == 1) {
      return leafHashes.get(from);
    }
    int split = largestPowerOfTwoBelow(n);
    return nodeHash(subtreeRoot(from, from + split), subtreeRoot(from + split, to));
  }

  /** Appends the siblings from the leaf upwards, as RFC 6962's PATH(m, D[n]). */
  private void collectPath(int index, int from, int to, List<Hash32> path) {
    int n = to - from;
    if (n == 1) {
      return;
    }
    int split = largestPowerOfTwoBelow(n);
    if (index < split) {
      collectPath(index, from, from + split, path);
      path.add(subtreeRoot(from + split, to));
    } else {
      collectPath(index - split, from + split, to, path);
      path.add(subtreeRoot(from, from + split));
    }
  }

  /** Returns the largest power of two strictly less than {@code n}, for {@code n >= 2}. */
  static int largestPowerOfTwoBelow(int n) {
    return Integer.highestOneBit(n - 1);
  }
}
