package org.intertrust.gateway.protocol.replica;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.dealing.DealingException;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.AgreementKeyPair;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.secret.SecretAccess;
import org.intertrust.gateway.protocol.certificate.Batches;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.collect.WrappedShare;
import org.intertrust.gateway.protocol.core.GatewayMessage.ShareSubmission;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.execution.CrossAsEntry;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.state.CrossAsRole;
import org.intertrust.ledger.state.CrossAsStatus;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.tx.DecisionRecord;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.ExpireEntry;
import org.intertrust.ledger.tx.MessageDelivery;
import org.intertrust.ledger.tx.MessageSend;
import org.intertrust.ledger.tx.MessageTerms;
import org.intertrust.ledger.tx.SwapExecute;
import org.intertrust.ledger.tx.SwapLock;
import org.intertrust.ledger.tx.SwapTerms;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.VoucherMint;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * One replica's part in the cross-AS protocol (DESIGN.md §4, steps 2 and 3), deterministic and
 * pure: no clock, no I/O. It
 *
 * <ul>
 *   <li>takes the dealing records its gateway delivers for its AS, checks each is signed by an
 *       attested enclave of the peer AS and made for this AS, and opens its own encrypted share;
 *   <li>after its ledger executes a block, turns each cross-AS record written into the statement
 *       the peer expects: on the source, LOCKED for a transfer's escrow (only if the lock's
 *       cross-AS id is the hash of its terms, see {@link TransferTerms}), a swap's escrow or a sent
 *       message (whose ids the ledger derives from their terms); on the destination, the decision
 *       UNLOCK or RELEASE with its reason;
 *   <li>signs each statement with the share dealt for its transaction, wraps it with its Ed25519
 *       identity (accountability) and returns it for the gateways. A statement whose dealing has
 *       not arrived yet waits, bounded, until it does.
 * </ul>
 *
 * <p>In batch mode (ADR 0009) it signs, instead of each statement, one {@link
 * CrossAsStatement.Batch} per block, addressee and dealing: the block's statements addressed to one
 * AS are grouped by the dealing delivered for their transactions (in block order), and each group
 * is signed as the Merkle root of its leaves with batch id = the block height. A block's statements
 * to one addressee wait until every one of them has its dealing, so every honest replica signs the
 * same groups.
 */
public final class CrossAsReplica {
  private final AsId self;
  private final ShareIndex index;
  private final IdentityKeyPair identity;
  private final AgreementKeyPair agreement;
  private final List<IdentityPublicKey> peerEnclaves;
  private final int maxPending;
  private final Map<DealingReference, KeyShare> shares = new HashMap<>();
  private final Map<CrossAsTxId, DealingReference> dealingOf = new HashMap<>();
  private final Map<CrossAsTxId, CrossAsStatement.TransactionStatement> pending =
      new LinkedHashMap<>();
  private final boolean batching;
  private final List<BlockGroup> pendingBatches = new ArrayList<>();
  private final Map<CrossAsTxId, ShareSubmission> signedShares;
  private final Map<CrossAsTxId, SignedBatch> signedBatches;
  private int pendingLeaves;

  /** A block's statements to one addressee, in block order, waiting for their dealings. */
  private record BlockGroup(
      long height, AsId addressee, List<CrossAsStatement.TransactionStatement> leaves) {}

  /**
   * A share on a batch with the leaves it covers (the gateway needs them to derive each
   * transaction's proof, and checks them against the batch's root).
   *
   * @param share the wrapped share on a {@link CrossAsStatement.Batch}
   * @param leaves the batch's leaves, in order
   */
  public record SignedBatch(
      ShareSubmission share, List<CrossAsStatement.TransactionStatement> leaves) {
    /** Copies the leaves. */
    public SignedBatch {
      Objects.requireNonNull(share, "share");
      leaves = List.copyOf(leaves);
    }
  }

  /**
   * What one input produced: shares to send to the gateways, batch shares with their leaves, and
   * refusals for the log.
   */
  public record Output(
      List<ShareSubmission> shares, List<String> refusals, List<SignedBatch> batches) {
    /** Copies the lists. */
    public Output {
      shares = List.copyOf(shares);
      refusals = List.copyOf(refusals);
      batches = List.copyOf(batches);
    }

    /** Per-transaction shares and refusals, no batch. */
    public Output(List<ShareSubmission> shares, List<String> refusals) {
      this(shares, refusals, List.of());
    }
  }

  /**
   * A replica of {@code self} holding share {@code index} (1-based, its position in the AS's
   * configuration), accepting dealings only from {@code peerEnclaves}, keeping at most {@code
   * maxPending} statements that wait for their dealing.
   */
  public CrossAsReplica(
      AsId self,
      ShareIndex index,
      IdentityKeyPair identity,
      AgreementKeyPair agreement,
      Collection<IdentityPublicKey> peerEnclaves,
      int maxPending) {
    this(self, index, identity, agreement, peerEnclaves, maxPending, false);
  }

  /**
   * The same, signing one batch per block, addressee and dealing if {@code batching} (ADR 0009),
   * else one statement per transaction.
   */
  public CrossAsReplica(
      AsId self,
      ShareIndex index,
      IdentityKeyPair identity,
      AgreementKeyPair agreement,
      Collection<IdentityPublicKey> peerEnclaves,
      int maxPending,
      boolean batching) {
    this.batching = batching;
    this.self = Objects.requireNonNull(self, "self");
    this.index = Objects.requireNonNull(index, "index");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.agreement = Objects.requireNonNull(agreement, "agreement");
    this.peerEnclaves = List.copyOf(peerEnclaves);
    if (maxPending < 1) {
      throw new IllegalArgumentException("maxPending must be positive");
    }
    this.maxPending = maxPending;
    this.signedShares = bounded(maxPending);
    this.signedBatches = bounded(maxPending);
  }

  /** A map keeping at most {@code capacity} entries, dropping the oldest first. */
  private static <V> Map<CrossAsTxId, V> bounded(int capacity) {
    return new LinkedHashMap<>() {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<CrossAsTxId, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * A dealing for {@code tx} arrived from a gateway of this AS: authenticate it, open this
   * replica's share, and sign the statement of {@code tx} if it was waiting for it. The same
   * dealing again (a gateway collecting anew: after its restart, a failover, or a query after the
   * deadline) gets the share this replica already made for {@code tx}, or its batch share, once
   * more (ADR 0015): the statement is the one its ledger executed, so re-sending it is safe.
   */
  public Output onDealing(CrossAsTxId tx, DealingRecord record) {
    List<String> refusals = new ArrayList<>();
    Optional<DealingReference> reference = open(record, refusals);
    if (reference.isEmpty()) {
      return new Output(List.of(), refusals);
    }
    DealingReference known = dealingOf.putIfAbsent(tx, reference.get());
    if (known != null && !known.equals(reference.get())) {
      refusals.add("a second dealing for " + tx + " ignored");
      return new Output(List.of(), refusals);
    }
    if (known != null) {
      List<ShareSubmission> again = new ArrayList<>();
      Optional.ofNullable(signedShares.get(tx)).ifPresent(again::add);
      List<SignedBatch> batchesAgain = new ArrayList<>();
      Optional.ofNullable(signedBatches.get(tx)).ifPresent(batchesAgain::add);
      return new Output(again, refusals, batchesAgain);
    }
    CrossAsStatement.TransactionStatement waiting = pending.remove(tx);
    List<ShareSubmission> out = new ArrayList<>();
    if (waiting != null) {
      out.add(sign(waiting, reference.get()));
    }
    return new Output(out, refusals, signReadyBatches());
  }

  private Optional<DealingReference> open(DealingRecord record, List<String> refusals) {
    DealingReference reference = DealingReference.of(record);
    if (shares.containsKey(reference)) {
      return Optional.of(reference);
    }
    if (!record.context().holderAs().equals(self)
        || record.context().dealerAs().equals(self)
        || !peerEnclaves.contains(record.dealerIdentity())) {
      refusals.add("dealing " + record + " is not a peer enclave's dealing for " + self);
      return Optional.empty();
    }
    try {
      DealingRecord authentic = DealingRecord.decode(record.toBytes(), record.dealerIdentity());
      shares.put(reference, authentic.openShare(index, agreement, SecretAccess.get()));
      return Optional.of(reference);
    } catch (DealingException e) {
      refusals.add("dealing " + record + " refused: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The ledger executed {@code executed}: sign the statements of the cross-AS records it wrote. */
  public Output onExecuted(ExecutedBlock executed) {
    List<ShareSubmission> out = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    Map<AsId, List<CrossAsStatement.TransactionStatement>> byAddressee = new LinkedHashMap<>();
    List<Transaction> transactions = executed.block().transactions();
    for (int i = 0; i < transactions.size(); i++) {
      Receipt receipt = executed.receipts().get(i);
      if (receipt.crossAsEntry().isEmpty()) {
        continue;
      }
      Optional<CrossAsStatement.TransactionStatement> statement =
          statement(transactions.get(i), receipt.crossAsEntry().get(), refusals);
      if (statement.isPresent() && batching) {
        byAddressee
            .computeIfAbsent(statement.get().destinationAs(), to -> new ArrayList<>())
            .add(statement.get());
      } else {
        statement.ifPresent(s -> signOrWait(s, out, refusals));
      }
    }
    long height = executed.block().header().height().value();
    byAddressee.forEach((to, leaves) -> queueBatch(new BlockGroup(height, to, leaves), refusals));
    return new Output(out, refusals, signReadyBatches());
  }

  private void queueBatch(BlockGroup group, List<String> refusals) {
    if (pendingLeaves + group.leaves().size() > maxPending) {
      refusals.add("too many statements wait for a dealing: block " + group.height() + " dropped");
      return;
    }
    pendingBatches.add(group);
    pendingLeaves += group.leaves().size();
  }

  /** Signs every waiting block group whose leaves all have their dealing, one batch per dealing. */
  private List<SignedBatch> signReadyBatches() {
    List<SignedBatch> out = new ArrayList<>();
    for (var it = pendingBatches.iterator(); it.hasNext(); ) {
      BlockGroup group = it.next();
      if (!group.leaves().stream().allMatch(leaf -> dealingOf.containsKey(leaf.tx()))) {
        continue;
      }
      it.remove();
      pendingLeaves -= group.leaves().size();
      Map<DealingReference, List<CrossAsStatement.TransactionStatement>> byDealing =
          new LinkedHashMap<>();
      for (CrossAsStatement.TransactionStatement leaf : group.leaves()) {
        byDealing.computeIfAbsent(dealingOf.get(leaf.tx()), d -> new ArrayList<>()).add(leaf);
      }
      byDealing.forEach(
          (dealing, leaves) -> {
            CrossAsStatement.Batch batch =
                Batches.statement(self, group.addressee(), group.height(), leaves);
            SignedBatch signed = new SignedBatch(sign(batch, dealing), leaves);
            leaves.forEach(leaf -> signedBatches.put(leaf.tx(), signed));
            out.add(signed);
          });
    }
    return out;
  }

  private Optional<CrossAsStatement.TransactionStatement> statement(
      Transaction tx, CrossAsEntry entry, List<String> refusals) {
    CrossAsStatus status = entry.record().status();
    CrossAsTxId id = entry.key().id();
    if (entry.key().role() == CrossAsRole.SOURCE && status == CrossAsStatus.LOCKED) {
      return lockStatement(tx, id, refusals);
    }
    if (entry.key().role() != CrossAsRole.DESTINATION) {
      return Optional.empty(); // finalized or refunded on the source: nothing to sign
    }
    Decision decision = status == CrossAsStatus.UNLOCKED ? Decision.UNLOCK : Decision.RELEASE;
    return deadlineOf(tx)
        .map(
            deadline ->
                new CrossAsStatement.DecisionStatement(
                    self,
                    entry.record().counterpart(),
                    id,
                    deadline,
                    decision,
                    entry.record().reason()));
  }

  /**
   * The LOCKED statement of a committed lock. A transfer's id must be the hash of its terms; the id
   * of a swap or a message is computed from the terms the ledger executed, so it always is.
   */
  private Optional<CrossAsStatement.TransactionStatement> lockStatement(
      Transaction tx, CrossAsTxId id, List<String> refusals) {
    if (tx instanceof EscrowLock lock) {
      if (!TransferTerms.of(lock).id().equals(id)) {
        refusals.add("lock " + id + " is not the hash of its terms: not signed");
        return Optional.empty();
      }
      return Optional.of(new CrossAsStatement.Lock(self, lock.destination(), id, lock.deadline()));
    } else if (tx instanceof SwapLock swap) {
      SwapTerms terms = swap.terms();
      return Optional.of(
          new CrossAsStatement.Lock(self, terms.destination(), id, terms.deadline()));
    } else if (tx instanceof MessageSend send) {
      MessageTerms terms = send.terms();
      return Optional.of(
          new CrossAsStatement.Lock(self, terms.destination(), id, terms.deadline()));
    }
    refusals.add("LOCKED record " + id + " written by " + tx.kind() + ": not signed");
    return Optional.empty();
  }

  private static Optional<ConsensusTime> deadlineOf(Transaction tx) {
    if (tx instanceof VoucherMint mint) {
      return Optional.of(mint.deadline());
    } else if (tx instanceof MessageDelivery delivery) {
      return Optional.of(delivery.deadline());
    } else if (tx instanceof SwapExecute swap) {
      return Optional.of(swap.terms().deadline());
    } else if (tx instanceof DecisionRecord record) {
      return Optional.of(record.deadline());
    } else if (tx instanceof ExpireEntry expire) {
      return Optional.of(expire.deadline());
    }
    return Optional.empty();
  }

  private void signOrWait(
      CrossAsStatement.TransactionStatement statement,
      List<ShareSubmission> out,
      List<String> refusals) {
    DealingReference reference = dealingOf.get(statement.tx());
    if (reference != null) {
      out.add(sign(statement, reference));
    } else if (pending.size() < maxPending) {
      pending.put(statement.tx(), statement);
    } else {
      refusals.add("too many statements wait for a dealing: " + statement.tx() + " dropped");
    }
  }

  private ShareSubmission sign(CrossAsStatement statement, DealingReference reference) {
    KeyShare share = shares.get(reference);
    ShareSubmission submission =
        new ShareSubmission(statement, reference, WrappedShare.sign(identity, share, statement));
    if (statement instanceof CrossAsStatement.TransactionStatement single) {
      signedShares.put(single.tx(), submission);
    }
    return submission;
  }

  /** How many statements wait for their dealing (batch leaves included). */
  public int pending() {
    return pending.size() + pendingLeaves;
  }

  @Override
  public String toString() {
    return "CrossAsReplica[" + self + " #" + index.value() + "]";
  }
}
