package org.intertrust.store.rocksdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.secret.SecretAccess;
import org.intertrust.ledger.block.BlockExecutor;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.tx.EscrowFinalize;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.GenesisAllocation;
import org.intertrust.ledger.tx.MessageDelivery;
import org.intertrust.ledger.tx.MessagePayload;
import org.intertrust.ledger.tx.MessageSend;
import org.intertrust.ledger.tx.MessageTerms;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.tx.VoucherMint;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.InboxId;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.ledger.value.Sha256;

/**
 * Seeded random chains executed by the ledger's own {@link BlockExecutor}, in the style of the
 * ledger's test fixtures: a genesis block, then blocks of transfers (some with a wrong nonce, so
 * rejected), escrow locks and finalizations, voucher mints and message deliveries, so that every
 * state section and both kinds of receipt occur.
 */
final class Chains {

  static final AsId AS_X = new AsId(1);
  static final AsId AS_Y = new AsId(2);
  static final AssetId GOLD = AssetId.of("GOLD");
  static final AssetId SILVER = AssetId.of("SILVER");
  static final CertificateBytes CERT = CertificateBytes.of(new byte[] {1, 2, 3, 4});
  static final ConsensusTime FAR_DEADLINE = ConsensusTime.ofMillis(1_000_000_000L);
  private static final int ACCOUNTS = 4;
  private static final Map<Integer, IdentityKeyPair> KEYS = new HashMap<>();

  private Chains() {}

  static synchronized IdentityKeyPair key(int index) {
    return KEYS.computeIfAbsent(
        index,
        i ->
            IdentityKeyPair.fromSeed(
                Sha256.hash(("key-" + i).getBytes(StandardCharsets.UTF_8)).toBytes(),
                SecretAccess.get()));
  }

  static AccountId account(int index) {
    return AccountId.of(key(index).publicKey());
  }

  /** Returns the genesis block of {@link #AS_X}. */
  static ExecutedBlock genesis() {
    List<GenesisAllocation.Allocation> allocations = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      allocations.add(new GenesisAllocation.Allocation(account(i), GOLD, Amount.of(1000)));
      allocations.add(new GenesisAllocation.Allocation(account(i), SILVER, Amount.of(500)));
    }
    return BlockExecutor.propose(
        Optional.empty(),
        LedgerState.EMPTY,
        AS_X,
        0,
        ConsensusTime.ofMillis(1),
        List.of(new GenesisAllocation(AS_X, allocations)));
  }

  /** Returns a chain of {@code length} blocks (genesis included) drawn from {@code seed}. */
  static List<ExecutedBlock> chain(long seed, int length) {
    Generator generator = new Generator(seed);
    List<ExecutedBlock> chain = new ArrayList<>();
    chain.add(genesis());
    while (chain.size() < length) {
      ExecutedBlock parent = chain.get(chain.size() - 1);
      chain.add(
          BlockExecutor.propose(
              Optional.of(parent.block().header()),
              parent.state(),
              AS_X,
              generator.random.nextInt(4),
              ConsensusTime.ofMillis(10L * chain.size() + 1),
              generator.transactions(parent.state())));
    }
    return chain;
  }

  /** Draws the transactions of one block; remembers open escrows across blocks. */
  private static final class Generator {
    private final long seed;
    private final SplittableRandom random;
    private final List<CrossAsTxId> locked = new ArrayList<>();
    private final Map<Integer, Nonce> nonces = new HashMap<>();
    private int nextCrossId;

    Generator(long seed) {
      this.seed = seed;
      this.random = new SplittableRandom(seed);
    }

    List<Transaction> transactions(LedgerState state) {
      nonces.clear();
      List<Transaction> txs = new ArrayList<>();
      int count = random.nextInt(7);
      for (int t = 0; t < count; t++) {
        int who = random.nextInt(ACCOUNTS);
        Nonce nonce =
            nonces.computeIfAbsent(
                who, w -> state.get(Section.NONCES, account(w)).orElse(Nonce.ZERO));
        next(who, nonce, crossId(seed, nextCrossId++)).ifPresent(txs::add);
      }
      return txs;
    }

    private Optional<Transaction> next(int who, Nonce nonce, CrossAsTxId crossId) {
      return switch (random.nextInt(7)) {
        case 0 -> {
          nonces.put(who, nonce.next().orElseThrow());
          yield Optional.of(
              Transfer.sign(
                  key(who),
                  AS_X,
                  account(random.nextInt(ACCOUNTS)),
                  random.nextBoolean() ? GOLD : SILVER,
                  Amount.of(1 + random.nextInt(5)),
                  nonce));
        }
        // A wrong nonce: rejected, so the block carries a rejection receipt.
        case 1 ->
            Optional.of(
                Transfer.sign(
                    key(who),
                    AS_X,
                    account(0),
                    GOLD,
                    Amount.of(1),
                    new Nonce(nonce.value() + 1 + random.nextInt(3))));
        case 2 -> {
          nonces.put(who, nonce.next().orElseThrow());
          locked.add(crossId);
          yield Optional.of(
              EscrowLock.sign(
                  key(who),
                  new EscrowLock.Terms(
                      AS_X,
                      crossId,
                      GOLD,
                      Amount.of(1 + random.nextInt(3)),
                      AS_Y,
                      FAR_DEADLINE,
                      nonce)));
        }
        case 3 ->
            locked.isEmpty()
                ? Optional.empty()
                : Optional.of(
                    new EscrowFinalize(
                        AS_X,
                        locked.remove(random.nextInt(locked.size())),
                        Optional.empty(),
                        CERT));
        case 4 ->
            Optional.of(
                new VoucherMint(
                    AS_X,
                    crossId,
                    AS_Y,
                    GOLD,
                    account(who),
                    Amount.of(1 + random.nextInt(9)),
                    FAR_DEADLINE,
                    CERT));
        case 5 -> Optional.of(delivery(crossId));
        default -> {
          nonces.put(who, nonce.next().orElseThrow());
          MessageTerms terms =
              new MessageTerms(
                  AS_X,
                  AS_Y,
                  account(who),
                  new InboxId("app.inbox"),
                  crossId.hash(),
                  FAR_DEADLINE,
                  nonce);
          yield Optional.of(MessageSend.sign(key(who), terms));
        }
      };
    }

    private MessageDelivery delivery(CrossAsTxId crossId) {
      byte[] payload = new byte[random.nextInt(40)];
      random.nextBytes(payload);
      MessagePayload data = MessagePayload.of(payload);
      MessageTerms terms =
          new MessageTerms(
              AS_Y,
              AS_X,
              account(0),
              new InboxId("app.inbox"),
              data.hash(),
              FAR_DEADLINE,
              new Nonce(
                  java.nio.ByteBuffer.wrap(crossId.hash().toBytes()).getLong() & Long.MAX_VALUE));
      return new MessageDelivery(AS_X, terms, data, CERT);
    }
  }

  private static CrossAsTxId crossId(long seed, int index) {
    return new CrossAsTxId(
        Sha256.hash(("xtx-" + seed + "-" + index).getBytes(StandardCharsets.UTF_8)));
  }
}
