package org.intertrust.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.intertrust.crypto.encoding.AsId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockTreeTest {
  private static final AsId AS = new AsId(1);

  @ParameterizedTest
  @ValueSource(ints = {10, 256, 300, 700})
  void chainTo_answersTheOldestMissingBlocksFirst_soALaggingReplicaCanAttachThem(int length) {
    Block genesis = Block.genesis(AS);
    BlockTree tree = new BlockTree(genesis);
    Block parent = genesis;
    for (int height = 1; height <= length; height++) {
      QuorumCertificate justify =
          new QuorumCertificate(AS, parent.round(), parent.height(), parent.hash(), null);
      Block block = new Block(AS, height, height, parent.hash(), 0, height, new byte[0], justify);
      tree.add(block);
      parent = block;
    }
    for (long known : new long[] {0, 5}) {
      List<Block> chain = tree.chainTo(parent.hash(), known);
      assertEquals(Math.min(length - known, 256), chain.size());
      assertEquals(known + 1, chain.get(0).height(), "attaches to height " + known);
      for (int i = 1; i < chain.size(); i++) {
        assertEquals(chain.get(i - 1).hash(), chain.get(i).parent());
      }
    }
  }

  @Test
  void payloadsAbove_areTheBlocksOwnChain_notAForkAtTheSameHeights() {
    Block genesis = Block.genesis(AS);
    BlockTree tree = new BlockTree(genesis);
    Block one = child(tree, genesis, 1, new byte[] {1});
    Block two = child(tree, one, 2, new byte[] {2});
    Block forkTwo = child(tree, one, 3, new byte[] {22});
    Block three = child(tree, two, 4, new byte[] {3});
    assertEquals(List.of("01", "02", "03"), hex(tree.payloadsAbove(three, 0)));
    assertEquals(List.of("02", "03"), hex(tree.payloadsAbove(three, 1)));
    assertEquals(List.of("01", "16"), hex(tree.payloadsAbove(forkTwo, 0)));
    assertEquals(List.of(), hex(tree.payloadsAbove(three, 3)));
    assertEquals(List.of(), hex(tree.payloadsAbove(two, 5)), "parent below the executed height");
  }

  private static Block child(BlockTree tree, Block parent, long round, byte[] payload) {
    QuorumCertificate justify =
        new QuorumCertificate(AS, parent.round(), parent.height(), parent.hash(), null);
    Block block =
        new Block(AS, round, parent.height() + 1, parent.hash(), 0, round, payload, justify);
    tree.add(block);
    return block;
  }

  private static List<String> hex(List<byte[]> payloads) {
    return payloads.stream().map(java.util.HexFormat.of()::formatHex).toList();
  }

  @Test
  void chainTo_stopsAtThePayloadBudget_andTheCodecAcceptsTheResponseItMakes() throws Exception {
    Block genesis = Block.genesis(AS);
    BlockTree tree = new BlockTree(genesis);
    Block parent = genesis;
    int blockPayload = Block.MAX_PAYLOAD_BYTES / 2;
    for (int height = 1; height <= 20; height++) {
      QuorumCertificate justify =
          new QuorumCertificate(AS, parent.round(), parent.height(), parent.hash(), null);
      Block block =
          new Block(AS, height, height, parent.hash(), 0, height, new byte[blockPayload], justify);
      tree.add(block);
      parent = block;
    }
    List<Block> chain = tree.chainTo(parent.hash(), 0);
    assertEquals(ConsensusMessage.BlockResponse.MAX_PAYLOAD_BYTES / blockPayload, chain.size());
    assertEquals(1, chain.get(0).height());
    ConsensusCodec codec = new ConsensusCodec();
    ConsensusMessage.BlockResponse response = new ConsensusMessage.BlockResponse(3, chain, 1);
    assertEquals(response, codec.decode(codec.encode(response)));
  }
}
