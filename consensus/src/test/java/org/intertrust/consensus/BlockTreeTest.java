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
