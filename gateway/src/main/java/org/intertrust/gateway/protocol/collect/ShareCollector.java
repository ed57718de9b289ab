package org.intertrust.gateway.protocol.collect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.intertrust.crypto.bls.CombineResult;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.gateway.protocol.certificate.CrossAsCertificate;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.collect.CollectOutcome.Rejection;
import org.intertrust.gateway.protocol.config.AsConfiguration;
import org.intertrust.gateway.protocol.dealing.DealingReference;

/**
 * Collects the shares of one statement from the replicas of the gateway's own AS and turns k of
 * them into a certificate (DESIGN.md §4 steps 2 and 3; paper §IV-B and §V-C: the gateway releases
 * nothing that does not combine).
 *
 * <p>For each offered share, in order: the sender must be a replica of the signing AS
 * (NOT_A_MEMBER), the share's index must be the sender's own (WRONG_SHARE_INDEX), the sender must
 * not be blamed already (SENDER_BLAMED), the wrap must verify (BAD_WRAP); a sender's second share
 * is ignored if equal (DUPLICATE) and blamed if different (EQUIVOCATION). Once k candidates are
 * held, they are combined optimistically ({@link ThresholdCombiner}: one verification, bisection
 * only on failure); bad shares are named with their senders, dropped, and collection goes on. A
 * certificate is emitted only from a combination that verified under the dealing's group key.
 * Candidates are held in share-index order, so the outcome does not depend on the order of equal
 * sets. Pure (the combiner's random weights come from its injected generator); not thread-safe.
 */
public final class ShareCollector {
  private final AsConfiguration signers;
  private final CrossAsStatement statement;
  private final byte[] message;
  private final ThresholdPublicKey key;
  private final DealingReference dealing;
  private final ThresholdCombiner combiner;
  private final Map<ShareIndex, WrappedShare> candidates = new TreeMap<>();
  private final Map<ShareIndex, Blame> blamed = new TreeMap<>();
  private Optional<CrossAsCertificate> certificate = Optional.empty();

  /**
   * A collector for {@code statement}, signed by the replicas of {@code signers} with shares of the
   * dealing {@code dealing} whose public key is {@code key}.
   */
  public ShareCollector(
      AsConfiguration signers,
      CrossAsStatement statement,
      ThresholdPublicKey key,
      DealingReference dealing,
      ThresholdCombiner combiner) {
    this.signers = Objects.requireNonNull(signers, "signers");
    this.statement = Objects.requireNonNull(statement, "statement");
    this.key = Objects.requireNonNull(key, "key");
    this.dealing = Objects.requireNonNull(dealing, "dealing");
    this.combiner = Objects.requireNonNull(combiner, "combiner");
    if (!statement.sourceAs().equals(signers.as())) {
      throw new IllegalArgumentException(statement + " is not signed by " + signers.as());
    }
    if (key.size() != signers.size()) {
      throw new IllegalArgumentException("the dealing has " + key.size() + " shares");
    }
    this.message = statement.encode();
  }

  /** Offers one wrapped share. Never throws for bad input. */
  public CollectOutcome offer(WrappedShare share) {
    if (certificate.isPresent()) {
      return new CollectOutcome.Rejected(Rejection.ALREADY_CERTIFIED, "complete");
    }
    Optional<ShareIndex> index = signers.indexOf(share.sender());
    if (index.isEmpty()) {
      return new CollectOutcome.Rejected(Rejection.NOT_A_MEMBER, share.sender().toString());
    }
    if (!index.get().equals(share.share().index())) {
      return new CollectOutcome.Rejected(
          Rejection.WRONG_SHARE_INDEX, share.sender() + " sent share " + share.share().index());
    }
    if (blamed.containsKey(index.get())) {
      return new CollectOutcome.Rejected(Rejection.SENDER_BLAMED, share.sender().toString());
    }
    if (!share.wrapValid(statement)) {
      return new CollectOutcome.Rejected(Rejection.BAD_WRAP, share.sender().toString());
    }
    WrappedShare earlier = candidates.get(index.get());
    if (earlier != null) {
      return secondShare(earlier, share);
    }
    candidates.put(index.get(), share);
    return candidates.size() < key.threshold()
        ? new CollectOutcome.Pending(candidates.size(), key.threshold())
        : combine();
  }

  private CollectOutcome secondShare(WrappedShare earlier, WrappedShare share) {
    if (earlier.share().equals(share.share())) {
      return new CollectOutcome.Rejected(Rejection.DUPLICATE, share.sender().toString());
    }
    ShareIndex index = share.share().index();
    candidates.remove(index);
    blamed.put(index, new Blame(index, share.sender(), share));
    return new CollectOutcome.Rejected(Rejection.EQUIVOCATION, share.sender().toString());
  }

  private CollectOutcome combine() {
    List<PartialSignature> partials = new ArrayList<>(candidates.size());
    candidates.values().forEach(wrapped -> partials.add(wrapped.share()));
    CombineResult result = combiner.combine(key, statement.domain(), message, partials);
    List<Blame> newlyBlamed = new ArrayList<>();
    for (ShareIndex index : result.blamed()) {
      WrappedShare bad = candidates.remove(index);
      if (bad != null) {
        Blame blame = new Blame(index, bad.sender(), bad);
        blamed.put(index, blame);
        newlyBlamed.add(blame);
      }
    }
    if (result instanceof CombineResult.Combined combined) {
      CrossAsCertificate made = new CrossAsCertificate(statement, combined.signature(), dealing);
      certificate = Optional.of(made);
      return new CollectOutcome.Certified(made, newlyBlamed);
    }
    return new CollectOutcome.Blamed(newlyBlamed, candidates.size(), key.threshold());
  }

  /** The certificate, once made. */
  public Optional<CrossAsCertificate> certificate() {
    return certificate;
  }

  /** Every sender blamed so far, in share-index order. */
  public List<Blame> blamed() {
    return Collections.unmodifiableList(new ArrayList<>(blamed.values()));
  }

  /** The statement being collected. */
  public CrossAsStatement statement() {
    return statement;
  }
}
