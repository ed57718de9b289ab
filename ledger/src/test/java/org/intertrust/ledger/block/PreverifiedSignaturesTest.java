package org.intertrust.ledger.block;

import static org.intertrust.ledger.testing.Fixtures.AS_X;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.intertrust.ledger.execution.RejectionReason;
import org.intertrust.ledger.execution.SignatureVerifier;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.tx.ClientSignatures;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.ledger.value.TxId;
import org.junit.jupiter.api.Test;

/**
 * A node may verify signatures ahead of execution (in parallel, outside the pure core) and hand the
 * executor a verifier answering from that work; the block must come out exactly as with inline
 * verification.
 */
class PreverifiedSignaturesTest {

  @Test
  void verifierBackedByPreverifiedIds_givesSameReceiptsAndStateAsDirect() {
    ExecutedBlock genesis =
        BlockExecutor.propose(
            Optional.empty(),
            LedgerState.EMPTY,
            AS_X,
            0,
            ConsensusTime.ofMillis(1),
            List.of(Fixtures.genesis(AS_X)));
    SplittableRandom random = new SplittableRandom(7);
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      Transfer transfer =
          Transfer.sign(
              Fixtures.key(i % 4),
              AS_X,
              Fixtures.account(random.nextInt(4)),
              Fixtures.GOLD,
              Amount.of(1 + random.nextInt(20)),
              new Nonce(i / 4));
      boolean forge = random.nextInt(8) == 0;
      Transfer other = (Transfer) Fixtures.samples().get(1);
      txs.add(forge ? transfer.withSignature(other.signature()) : transfer);
    }
    Set<TxId> verified = new HashSet<>();
    for (Transaction tx : txs) {
      if (ClientSignatures.verify((Transfer) tx)) {
        verified.add(TransactionCodec.txId(tx));
      }
    }
    SignatureVerifier preverified = (tx, txId) -> verified.contains(txId);

    ExecutedBlock direct = propose(genesis, txs, SignatureVerifier.DIRECT);
    ExecutedBlock fast = propose(genesis, txs, preverified);

    assertTrue(
        direct.receipts().stream()
            .anyMatch(
                r ->
                    r.rejection()
                        .map(x -> x.reason() == RejectionReason.BAD_SIGNATURE)
                        .orElse(false)));
    assertEquals(direct.receipts(), fast.receipts());
    assertEquals(direct.block().header(), fast.block().header());
  }

  private static ExecutedBlock propose(
      ExecutedBlock parent, List<Transaction> txs, SignatureVerifier verifier) {
    return BlockExecutor.propose(
        Optional.of(parent.block().header()),
        parent.state(),
        AS_X,
        1,
        ConsensusTime.ofMillis(2),
        txs,
        verifier);
  }
}
