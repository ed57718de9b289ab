package org.intertrust.sim.crossas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.gateway.protocol.replica.CrossAsTerms;
import org.intertrust.gateway.protocol.replica.TransferTerms;
import org.intertrust.ledger.execution.RejectionReason;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.MessagePayload;
import org.intertrust.ledger.tx.MessageSend;
import org.intertrust.ledger.tx.MessageTerms;
import org.intertrust.ledger.tx.SwapLock;
import org.intertrust.ledger.tx.SwapTerms;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.InboxId;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.sim.consensus.AsCluster;
import org.intertrust.sim.crossas.CrossAsScenario.Kind;

/**
 * The clients of a {@link CrossAsScenario}: request {@code k} is of kind {@code kinds[k mod
 * |kinds|]} (a mixed workload, in a fixed order), made by X's client account {@code k mod accounts}
 * with its next nonce (the accounts' nonces are shared by the three kinds).
 *
 * <ul>
 *   <li>TRANSFER: 1 to 100 coins from the account on X to the same account on Y (a voucher);
 *   <li>SWAP: 1 to 100 coins of the account (Alice) on X for 1 to 100 coins of a client account
 *       (Bob) on Y. One swap in eight asks Bob for more than he has and one in eight carries a
 *       signature that is not Bob's: Y must release those, with INSUFFICIENT_FUNDS and
 *       BAD_SIGNATURE;
 *   <li>MESSAGE: 1 to 512 random bytes to inbox {@value #INBOX} on Y.
 * </ul>
 */
final class CrossAsWorkload {
  static final String INBOX = "app.inbox";
  private static final int MAX_MESSAGE_BYTES = 512;

  /**
   * One client request.
   *
   * @param kind its kind
   * @param sourceTransaction the signed transaction for X's ledger
   * @param terms what the source gateway relays to Y
   * @param expectedRelease the reason Y must release it for, or empty if the operation is valid
   */
  record Request(
      Kind kind,
      Transaction sourceTransaction,
      CrossAsTerms terms,
      Optional<RejectionReason> expectedRelease) {}

  private final AsCluster x;
  private final AsCluster y;
  private final List<Kind> kinds;

  CrossAsWorkload(AsCluster x, AsCluster y, Set<Kind> kinds) {
    this.x = x;
    this.y = y;
    this.kinds = new ArrayList<>(kinds);
  }

  /** Request {@code index}, made at {@code nowMillis} with a deadline {@code deadlineMillis} on. */
  Request next(int index, long nowMillis, long deadlineMillis, SplittableRandom random) {
    IdentityKeyPair account = x.account(index % x.accounts());
    Nonce nonce = new Nonce(index / x.accounts());
    ConsensusTime deadline = ConsensusTime.ofMillis(nowMillis + deadlineMillis);
    Kind kind = kinds.get(index % kinds.size());
    switch (kind) {
      case SWAP:
        return swap(index, account, nonce, deadline, random);
      case MESSAGE:
        return message(account, nonce, deadline, random);
      default:
        return transfer(account, nonce, deadline, random);
    }
  }

  private Request transfer(
      IdentityKeyPair account, Nonce nonce, ConsensusTime deadline, SplittableRandom random) {
    Amount amount = Amount.of(1 + random.nextInt(100));
    AsId source = x.as();
    TransferTerms terms =
        new TransferTerms(
            source,
            y.as(),
            AccountId.of(account.publicKey()),
            AsCluster.coin(),
            amount,
            deadline,
            nonce);
    EscrowLock lock =
        EscrowLock.sign(
            account,
            new EscrowLock.Terms(
                source, terms.id(), AsCluster.coin(), amount, y.as(), deadline, nonce));
    return new Request(Kind.TRANSFER, lock, terms, Optional.empty());
  }

  private Request swap(
      int index,
      IdentityKeyPair alice,
      Nonce nonce,
      ConsensusTime deadline,
      SplittableRandom random) {
    IdentityKeyPair bob = y.account((index * 7 + 3) % y.accounts());
    int flaw = random.nextInt(8);
    long asked = flaw == 0 ? 2 * AsCluster.initialBalance() : 1 + random.nextInt(100);
    SwapTerms terms =
        new SwapTerms(
            x.as(),
            y.as(),
            AccountId.of(alice.publicKey()),
            AsCluster.coin(),
            Amount.of(1 + random.nextInt(100)),
            AccountId.of(bob.publicKey()),
            AsCluster.coin(),
            Amount.of(asked),
            deadline,
            nonce);
    IdentityKeyPair signer = flaw == 1 ? y.account((index * 7 + 4) % y.accounts()) : bob;
    IdentitySignature signature = terms.signAsCounterparty(signer);
    Optional<RejectionReason> expected =
        flaw == 0
            ? Optional.of(RejectionReason.INSUFFICIENT_FUNDS)
            : flaw == 1 ? Optional.of(RejectionReason.BAD_SIGNATURE) : Optional.empty();
    return new Request(
        Kind.SWAP,
        SwapLock.sign(alice, terms, signature),
        new CrossAsTerms.Swap(terms, signature),
        expected);
  }

  private Request message(
      IdentityKeyPair sender, Nonce nonce, ConsensusTime deadline, SplittableRandom random) {
    byte[] data = new byte[1 + random.nextInt(MAX_MESSAGE_BYTES)];
    random.nextBytes(data);
    MessagePayload payload = MessagePayload.of(data);
    MessageTerms terms =
        new MessageTerms(
            x.as(),
            y.as(),
            AccountId.of(sender.publicKey()),
            new InboxId(INBOX),
            payload.hash(),
            deadline,
            nonce);
    return new Request(
        Kind.MESSAGE,
        MessageSend.sign(sender, terms),
        new CrossAsTerms.Message(terms, payload),
        Optional.empty());
  }
}
