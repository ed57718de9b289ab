package org.intertrust.ledger.execution;

import static org.intertrust.ledger.testing.Fixtures.AS_X;
import static org.intertrust.ledger.testing.Fixtures.AS_Y;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.state.Audit;
import org.intertrust.ledger.state.Escrow;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.state.PoolKey;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.tx.DecisionRecord;
import org.intertrust.ledger.tx.EscrowFinalize;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.EscrowRefund;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.tx.VoucherBurn;
import org.intertrust.ledger.tx.VoucherMint;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of transfers and cross-AS transfers in both directions between two ledgers,
 * driven the way the gateway protocol will drive them (lock, then mint or release on the other
 * side, then finalize, burn or refund), with replays and invalid steps mixed in. After every
 * transaction the audit of that ledger must be clean and a rejection must change nothing; once
 * everything is settled, each side's pool equals the vouchers outstanding on the other.
 */
class ConservationPropertyTest {

  private static final int ACCOUNTS = 4;
  private static final int STEPS = 100;
  private static final ConsensusTime DEADLINE = ConsensusTime.ofMillis(Long.MAX_VALUE / 2);
  private static final List<String> NATIVE = List.of("GOLD", "SILVER");

  private record Pending(CrossAsTxId id, AsId source, AsId destination, Escrow escrow) {}

  private final class World {
    final SplittableRandom random;
    LedgerState x = Fixtures.genesisState(AS_X);
    LedgerState y = Fixtures.genesisState(AS_Y);
    final List<Pending> pending = new ArrayList<>();
    long height = 1;
    int nextId = 0;

    World(long seed) {
      random = new SplittableRandom(seed);
    }

    LedgerState state(AsId chain) {
      return chain.equals(AS_X) ? x : y;
    }

    ExecutionResult submit(AsId chain, Transaction tx) {
      height++;
      ExecutionContext ctx = Fixtures.ctx(chain, height, height * 10);
      LedgerState before = state(chain);
      ExecutionResult result = TransactionExecutor.execute(before, tx, ctx);
      if (result instanceof ExecutionResult.Rejected) {
        assertEquals(before.hash(), result.state().hash(), "rejection changed state");
      }
      assertEquals(List.of(), Audit.check(result.state()), "after " + tx.kind() + " on " + chain);
      if (chain.equals(AS_X)) {
        x = result.state();
      } else {
        y = result.state();
      }
      return result;
    }

    AssetId randomAsset(AsId chain) {
      AsId other = chain.equals(AS_X) ? AS_Y : AS_X;
      AssetId base = AssetId.of(NATIVE.get(random.nextInt(NATIVE.size())));
      return random.nextBoolean() ? base : base.voucherFrom(other).orElseThrow();
    }

    void step() {
      int choice = random.nextInt(10);
      AsId chain = random.nextBoolean() ? AS_X : AS_Y;
      if (choice < 3) {
        transfer(chain);
      } else if (choice < 6) {
        lock(chain);
      } else if (!pending.isEmpty()) {
        settle(pending.remove(random.nextInt(pending.size())));
      }
    }

    void transfer(AsId chain) {
      int from = random.nextInt(ACCOUNTS);
      Transfer tx =
          Transfer.sign(
              Fixtures.key(from),
              chain,
              Fixtures.account(random.nextInt(ACCOUNTS)),
              randomAsset(chain),
              Amount.of(random.nextInt(400)),
              state(chain).nonce(Fixtures.account(from)));
      submit(chain, tx);
    }

    void lock(AsId chain) {
      int owner = random.nextInt(ACCOUNTS);
      AsId destination = chain.equals(AS_X) ? AS_Y : AS_X;
      CrossAsTxId id = Fixtures.crossId(nextId++);
      EscrowLock tx =
          EscrowLock.sign(
              Fixtures.key(owner),
              new EscrowLock.Terms(
                  chain,
                  id,
                  randomAsset(chain),
                  Amount.of(1 + random.nextInt(300)),
                  destination,
                  DEADLINE,
                  state(chain).nonce(Fixtures.account(owner))));
      if (submit(chain, tx) instanceof ExecutionResult.Applied) {
        Escrow escrow = state(chain).get(Section.ESCROWS, id).orElseThrow();
        pending.add(new Pending(id, chain, destination, escrow));
      }
    }

    void settle(Pending p) {
      boolean unlock = random.nextInt(4) != 0;
      if (unlock) {
        VoucherMint mint =
            new VoucherMint(
                p.destination(),
                p.id(),
                p.source(),
                p.escrow().asset(),
                Fixtures.account(random.nextInt(ACCOUNTS)),
                p.escrow().amount(),
                DEADLINE,
                Fixtures.CERT);
        assertApplied(submit(p.destination(), mint));
        submit(p.destination(), mint); // a replayed relay: rejected, nothing changes
        Transaction finish =
            p.escrow().returnsHome()
                ? new VoucherBurn(p.source(), p.id(), Fixtures.CERT)
                : new EscrowFinalize(p.source(), p.id(), Optional.empty(), Fixtures.CERT);
        assertApplied(submit(p.source(), finish));
      } else {
        assertApplied(
            submit(
                p.destination(),
                new DecisionRecord(
                    p.destination(),
                    p.id(),
                    p.source(),
                    Decision.RELEASE,
                    "r",
                    DEADLINE,
                    Fixtures.CERT)));
        assertApplied(submit(p.source(), new EscrowRefund(p.source(), p.id(), Fixtures.CERT)));
      }
      submit(p.source(), new EscrowRefund(p.source(), p.id(), Fixtures.CERT)); // replay
    }

    void assertApplied(ExecutionResult result) {
      if (!(result instanceof ExecutionResult.Applied)) {
        throw new AssertionError("expected applied: " + result);
      }
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomCrossAsTraffic_conservesSupplyOnEachLedgerAndAcrossThem(long seed) {
    World world = new World(seed);
    for (int i = 0; i < STEPS; i++) {
      world.step();
    }
    while (!world.pending.isEmpty()) {
      world.settle(world.pending.remove(0));
    }
    for (String name : NATIVE) {
      AssetId asset = AssetId.of(name);
      assertEquals(
          pool(world.x, asset, AS_Y),
          vouchers(world.y, asset.voucherFrom(AS_X).orElseThrow()),
          "seed " + seed + ": X's " + name);
      assertEquals(
          pool(world.y, asset, AS_X),
          vouchers(world.x, asset.voucherFrom(AS_Y).orElseThrow()),
          "seed " + seed + ": Y's " + name);
    }
  }

  private static Amount pool(LedgerState state, AssetId asset, AsId counterpart) {
    return state.get(Section.POOL, new PoolKey(asset, counterpart)).orElse(Amount.ZERO);
  }

  private static Amount vouchers(LedgerState state, AssetId voucher) {
    return state.get(Section.VOUCHERS, voucher).orElse(Amount.ZERO);
  }
}
