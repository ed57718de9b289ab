package org.intertrust.ledger.testing;

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
import org.intertrust.ledger.execution.ExecutionContext;
import org.intertrust.ledger.execution.ExecutionResult;
import org.intertrust.ledger.execution.TransactionExecutor;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.tx.DecisionRecord;
import org.intertrust.ledger.tx.EscrowFinalize;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.EscrowRefund;
import org.intertrust.ledger.tx.ExpireEntry;
import org.intertrust.ledger.tx.GenesisAllocation;
import org.intertrust.ledger.tx.MessageDelivery;
import org.intertrust.ledger.tx.MessagePayload;
import org.intertrust.ledger.tx.MessageSend;
import org.intertrust.ledger.tx.MessageTerms;
import org.intertrust.ledger.tx.SwapExecute;
import org.intertrust.ledger.tx.SwapLock;
import org.intertrust.ledger.tx.SwapTerms;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.tx.VoucherBurn;
import org.intertrust.ledger.tx.VoucherMint;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Height;
import org.intertrust.ledger.value.InboxId;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.ledger.value.Sha256;

/** Deterministic keys, ids and one sample transaction of each kind. */
public final class Fixtures {

  public static final AsId AS_X = new AsId(1);
  public static final AsId AS_Y = new AsId(2);
  public static final AssetId GOLD = AssetId.of("GOLD");
  public static final AssetId SILVER = AssetId.of("SILVER");
  public static final CertificateBytes CERT = CertificateBytes.of(new byte[] {1, 2, 3, 4});

  private static final Map<Integer, IdentityKeyPair> KEYS = new HashMap<>();
  private static List<Transaction> samples;

  private Fixtures() {}

  /** Returns the key pair whose seed is 32 bytes derived from {@code index}. */
  public static synchronized IdentityKeyPair key(int index) {
    return KEYS.computeIfAbsent(index, Fixtures::newKey);
  }

  /** Returns the account of {@link #key(int)}. */
  public static AccountId account(int index) {
    return AccountId.of(key(index).publicKey());
  }

  private static IdentityKeyPair newKey(int index) {
    byte[] seed = Sha256.hash(("key-" + index).getBytes(StandardCharsets.UTF_8)).toBytes();
    return IdentityKeyPair.fromSeed(seed, SecretAccess.get());
  }

  public static CrossAsTxId crossId(int index) {
    return new CrossAsTxId(Sha256.hash(("xtx-" + index).getBytes(StandardCharsets.UTF_8)));
  }

  public static ExecutionContext ctx(AsId self, long height, long time) {
    return new ExecutionContext(Height.of(height), ConsensusTime.ofMillis(time), self);
  }

  /** Genesis on {@code chain}: accounts 0..3 get 1000 GOLD and 500 SILVER each. */
  public static GenesisAllocation genesis(AsId chain) {
    List<GenesisAllocation.Allocation> allocations = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      allocations.add(new GenesisAllocation.Allocation(account(i), GOLD, Amount.of(1000)));
      allocations.add(new GenesisAllocation.Allocation(account(i), SILVER, Amount.of(500)));
    }
    return new GenesisAllocation(chain, allocations);
  }

  /** Returns the state after {@link #genesis(AsId)}. */
  public static LedgerState genesisState(AsId chain) {
    return applied(
        TransactionExecutor.execute(LedgerState.EMPTY, genesis(chain), ctx(chain, 0, 0)));
  }

  /** Returns the new state, failing if {@code result} is a rejection. */
  public static LedgerState applied(ExecutionResult result) {
    if (result instanceof ExecutionResult.Applied applied) {
      return applied.state();
    }
    throw new AssertionError("expected applied, got " + result);
  }

  /** One sample of every transaction kind, in kind order. */
  public static synchronized List<Transaction> samples() {
    if (samples == null) {
      samples = newSamples();
    }
    return samples;
  }

  private static List<Transaction> newSamples() {
    ConsensusTime deadline = ConsensusTime.ofMillis(5_000);
    return List.of(
        genesis(AS_X),
        Transfer.sign(key(0), AS_X, account(1), GOLD, Amount.of(10), Nonce.ZERO),
        EscrowLock.sign(
            key(0),
            new EscrowLock.Terms(AS_X, crossId(1), GOLD, Amount.of(7), AS_Y, deadline, Nonce.ZERO)),
        new EscrowFinalize(AS_X, crossId(1), Optional.empty(), CERT),
        new EscrowRefund(AS_X, crossId(2), CERT),
        new VoucherMint(AS_Y, crossId(1), AS_X, GOLD, account(2), Amount.of(7), deadline, CERT),
        new VoucherBurn(AS_X, crossId(3), CERT),
        new DecisionRecord(AS_Y, crossId(4), AS_X, Decision.RELEASE, "bad op", deadline, CERT),
        new ExpireEntry(AS_Y, crossId(5), AS_X, deadline, CertificateBytes.EMPTY),
        new MessageDelivery(AS_Y, messageTerms(), PAYLOAD, CERT),
        SwapLock.sign(key(0), swapTerms(), swapTerms().signAsCounterparty(key(1))),
        MessageSend.sign(key(0), messageTerms()),
        new SwapExecute(AS_Y, swapTerms(), swapTerms().signAsCounterparty(key(1)), CERT));
  }

  /** The payload of the sample message. */
  public static final MessagePayload PAYLOAD = MessagePayload.of(new byte[] {9, 8, 7});

  /** Sample swap: account 0 gives 7 GOLD on X for 3 SILVER of account 1 on Y, nonce 0. */
  public static SwapTerms swapTerms() {
    return new SwapTerms(
        AS_X,
        AS_Y,
        account(0),
        GOLD,
        Amount.of(7),
        account(1),
        SILVER,
        Amount.of(3),
        ConsensusTime.ofMillis(5_000),
        Nonce.ZERO);
  }

  /** Sample message: account 0 sends {@link #PAYLOAD} from X to inbox "app.inbox" on Y. */
  public static MessageTerms messageTerms() {
    return new MessageTerms(
        AS_X,
        AS_Y,
        account(0),
        new InboxId("app.inbox"),
        PAYLOAD.hash(),
        ConsensusTime.ofMillis(5_000),
        Nonce.ZERO);
  }

  /** Random bytes of {@code length} from {@code random}. */
  public static byte[] bytes(SplittableRandom random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }

  /** A random 32-byte hash. */
  public static Hash32 hash(SplittableRandom random) {
    return Hash32.of(bytes(random, 32));
  }
}
