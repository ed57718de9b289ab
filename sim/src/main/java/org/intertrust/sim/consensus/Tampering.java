package org.intertrust.sim.consensus;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.intertrust.consensus.Block;
import org.intertrust.consensus.BlockHash;
import org.intertrust.consensus.ConsensusCodec;
import org.intertrust.consensus.ConsensusMessage;
import org.intertrust.consensus.ConsensusMessage.Proposal;
import org.intertrust.consensus.ConsensusMessage.Vote;
import org.intertrust.consensus.Messages;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityKeyPair;

/** The outgoing-message transformations of the {@link Behaviour}s, with the replica's own keys. */
final class Tampering {
  /** Encodes what a Byzantine replica sends; the receivers' codec decides what gets through. */
  private static final ConsensusCodec CODEC = new ConsensusCodec();

  private Tampering() {}

  /**
   * The transformation of {@code behaviour}; what it returns travels as wire bytes (null: nothing
   * is sent).
   */
  static Function<ConsensusMessage, AsMessage> of(
      Behaviour behaviour,
      AsId as,
      IdentityKeyPair identity,
      KeyShare share,
      int members,
      ConsensusCodec.Limits limits,
      long seed) {
    if (behaviour == Behaviour.MALFORMED) {
      return new Malformation(as, identity, share, members, limits, seed);
    }
    UnaryOperator<ConsensusMessage> change = change(behaviour, as, identity, share, members);
    return message -> {
      ConsensusMessage changed = change.apply(message);
      return changed == null ? null : new AsMessage.Wire(CODEC.encode(changed));
    };
  }

  private static UnaryOperator<ConsensusMessage> change(
      Behaviour behaviour, AsId as, IdentityKeyPair identity, KeyShare share, int members) {
    AtomicLong counter = new AtomicLong();
    switch (behaviour) {
      case SILENT:
        return message -> null;
      case EQUIVOCATE:
        return message ->
            message instanceof Proposal p && counter.incrementAndGet() % 2 == 1
                ? resign(p, alter(p.block(), counter.get()), identity)
                : message;
      case BAD_SHARES:
        return message ->
            message instanceof Vote v
                ? revote(as, v, v.blockHash(), share, identity, true)
                : message;
      case FORK_VOTES:
        return message ->
            message instanceof Vote v
                ? revote(as, v, Messages.forkOf(v.blockHash()), share, identity, false)
                : message;
      case WITHHOLD:
        return message -> message instanceof Proposal ? null : message;
      case NON_MEMBER:
        return message -> Messages.withSender(message, members + 7);
      default:
        throw new IllegalArgumentException("no message change for " + behaviour);
    }
  }

  private static Block alter(Block honest, long salt) {
    return new Block(
        honest.as(),
        honest.round(),
        honest.height(),
        honest.parent(),
        honest.proposer(),
        honest.time() + 1,
        new byte[] {(byte) salt},
        honest.justify());
  }

  private static Proposal resign(Proposal honest, Block block, IdentityKeyPair identity) {
    return new Proposal(
        block,
        honest.timeoutCertificate(),
        honest.sender(),
        identity.sign(SigningDomain.CONSENSUS_PREPARE, Messages.proposalStatement(block)));
  }

  private static Vote revote(
      AsId as,
      Vote honest,
      BlockHash block,
      KeyShare share,
      IdentityKeyPair identity,
      boolean wrongMessage) {
    byte[] statement = Messages.voteStatement(as, honest.round(), honest.height(), block);
    byte[] signed = wrongMessage ? new byte[] {1, 2, 3} : statement;
    PartialSignature partial = share.signPartial(SigningDomain.CONSENSUS_COMMIT, signed);
    byte[] wrap = Messages.shareWrap(as, honest.round(), honest.height(), block, partial);
    return new Vote(
        honest.round(),
        honest.height(),
        block,
        partial,
        honest.sender(),
        identity.sign(SigningDomain.SHARE_WRAP, wrap));
  }
}
