package org.intertrust.ledger.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MerkleTreeTest {

  private static List<byte[]> leaves(int n) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(new byte[] {(byte) i, (byte) (i >> 8)});
    }
    return leaves;
  }

  @Test
  void root_ofEmptyTreeIsSha256OfNothing() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        MerkleTree.rootOf(List.of()).toHex());
  }

  @Test
  void root_ofOneEmptyLeafIsSha256OfLeafPrefix() {
    assertEquals(
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        MerkleTree.rootOf(List.of(new byte[0])).toHex());
  }

  @Test
  void root_ofThreeLeavesSplitsTwoAndOne() {
    List<byte[]> leaves = leaves(3);
    Hash32 a = MerkleTree.leafHash(leaves.get(0));
    Hash32 b = MerkleTree.leafHash(leaves.get(1));
    Hash32 c = MerkleTree.leafHash(leaves.get(2));
    assertEquals(MerkleTree.nodeHash(MerkleTree.nodeHash(a, b), c), MerkleTree.rootOf(leaves));
  }

  @Test
  void leafAndNodeHashes_areDomainSeparated() {
    Hash32 left = Sha256.hash(new byte[] {1});
    Hash32 right = Sha256.hash(new byte[] {2});
    byte[] concatenated = new byte[64];
    System.arraycopy(left.toBytes(), 0, concatenated, 0, 32);
    System.arraycopy(right.toBytes(), 0, concatenated, 32, 32);
    assertFalse(MerkleTree.leafHash(concatenated).equals(MerkleTree.nodeHash(left, right)));
  }

  static IntStream sizes() {
    return IntStream.rangeClosed(1, 40);
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void proof_ofEveryLeafVerifiesAgainstRoot(int size) {
    List<byte[]> leaves = leaves(size);
    MerkleTree tree = MerkleTree.of(leaves);
    Hash32 root = tree.root();
    for (int i = 0; i < size; i++) {
      assertTrue(tree.proof(i).verify(leaves.get(i), root), "leaf " + i + " of " + size);
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 30);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void proof_failsWhenLeafPathIndexOrRootIsTampered(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int size = 2 + random.nextInt(60);
    List<byte[]> leaves = leaves(size);
    MerkleTree tree = MerkleTree.of(leaves);
    int index = random.nextInt(size);
    MerkleProof proof = tree.proof(index);
    Hash32 root = tree.root();
    byte[] leaf = leaves.get(index);

    assertFalse(proof.verify(new byte[] {9, 9, 9}, root));
    assertFalse(proof.verify(leaf, Fixtures.hash(random)));
    List<Hash32> path = new ArrayList<>(proof.path());
    path.set(random.nextInt(path.size()), Fixtures.hash(random));
    assertFalse(new MerkleProof(index, size, path).verify(leaf, root));
    int otherIndex = (index + 1 + random.nextInt(size - 1)) % size;
    assertFalse(new MerkleProof(otherIndex, size, proof.path()).verify(leaf, root));
    List<Hash32> shorter = proof.path().subList(0, proof.path().size() - 1);
    assertFalse(new MerkleProof(index, size, shorter).verify(leaf, root));
    List<Hash32> longer = new ArrayList<>(proof.path());
    longer.add(Fixtures.hash(random));
    assertFalse(new MerkleProof(index, size, longer).verify(leaf, root));
  }

  @Test
  void proof_roundTripsThroughCanonicalEncoding() throws Exception {
    MerkleProof proof = MerkleTree.of(leaves(13)).proof(6);
    CanonicalWriter w = new CanonicalWriter();
    proof.write(w);
    CanonicalReader r = new CanonicalReader(w.toByteArray());
    assertEquals(proof, MerkleProof.read(r));
    r.expectEnd();
  }

  @Test
  void proof_rejectsIndexOutsideTree() {
    assertThrows(IndexOutOfBoundsException.class, () -> MerkleTree.of(leaves(3)).proof(3));
    assertThrows(IllegalArgumentException.class, () -> new MerkleProof(3, 3, List.of()));
  }
}
