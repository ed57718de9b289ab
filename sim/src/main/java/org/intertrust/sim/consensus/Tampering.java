package org.intertrust.sim.consensus;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.intertrust.consensus.Block;
import org.intertrust.consensus.BlockHash;
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
  private Tampering() {}

  static UnaryOperator<ConsensusMessage> of(
      Behaviour behaviour, AsId as, IdentityKeyPair identity, KeyShare share, int members) {
    AtomicLong counter = new AtomicLong();
    return switch (behaviour) {
      case SILENT -> message -> null;
      case EQUIVOCATE ->
          message ->
              message instanceof Proposal p && counter.incrementAndGet() % 2 == 1
                  ? resign(p, alter(p.block(), 0, counter.get()), identity)
                  : message;
      case MALFORMED ->
          message ->
              message instanceof Proposal p ? resign(p, alter(p.block(), 5, 0), identity) : message;
      case BAD_SHARES ->
          message ->
              message instanceof Vote v
                  ? revote(as, v, v.blockHash(), share, identity, true)
                  : message;
      case FORK_VOTES ->
          message ->
              message instanceof Vote v
                  ? revote(as, v, Messages.forkOf(v.blockHash()), share, identity, false)
                  : message;
      case WITHHOLD -> message -> message instanceof Proposal ? null : message;
      case NON_MEMBER -> message -> Messages.withSender(message, members + 7);
    };
  }

  private static Block alter(Block honest, long heightSkip, long salt) {
    return new Block(
        honest.as(),
        honest.round(),
        honest.height() + heightSkip,
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
