package org.intertrust.sim.consensus;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.intertrust.consensus.Block;
import org.intertrust.consensus.ConsensusCodec;
import org.intertrust.consensus.ConsensusMessage;
import org.intertrust.consensus.ConsensusMessage.Proposal;
import org.intertrust.consensus.ConsensusMessage.Timeout;
import org.intertrust.consensus.ConsensusMessage.Vote;
import org.intertrust.consensus.Messages;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityKeyPair;

/**
 * The {@link Behaviour#MALFORMED} replica: each message it sends is broken in the next of the
 * {@link Corruption}s, in turn, at the byte level or (validly encoded and signed) in its content.
 * Deterministic: the n-th message gets corruption n mod 9 and seeded garbage.
 */
final class Malformation implements Function<ConsensusMessage, AsMessage> {
  /** The ways a message is broken. */
  enum Corruption {
    /** A proposal whose height skips ahead, validly signed (other kinds: as TRUNCATED). */
    INVALID_BLOCK,
    /** The encoding cut in half. */
    TRUNCATED,
    /** One bit of the encoding flipped. */
    BIT_FLIP,
    /** Random bytes of the same length. */
    GARBAGE,
    /** A wire version no one reads. */
    WRONG_VERSION,
    /** The encoding with a byte appended. */
    TRAILING,
    /** A validly signed proposal whose payload exceeds the limit; other kinds: over 64 KiB. */
    OVERSIZED_BATCH,
    /** A signature made in another signing domain. */
    WRONG_DOMAIN,
    /** A vote whose share carries the index of no member (other kinds: as GARBAGE). */
    NON_MEMBER_SHARE
  }

  /** Encodes what receivers must reject, so it is not bound by their limits. */
  private static final ConsensusCodec PERMISSIVE = new ConsensusCodec();

  private final AsId as;
  private final IdentityKeyPair identity;
  private final KeyShare share;
  private final int members;
  private final ConsensusCodec.Limits limits;
  private final SplittableRandom random;
  private long sent;

  Malformation(
      AsId as,
      IdentityKeyPair identity,
      KeyShare share,
      int members,
      ConsensusCodec.Limits limits,
      long seed) {
    this.as = as;
    this.identity = identity;
    this.share = share;
    this.members = members;
    this.limits = limits;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public AsMessage apply(ConsensusMessage message) {
    Corruption corruption = Corruption.values()[(int) (sent++ % Corruption.values().length)];
    return new AsMessage.Wire(corrupt(corruption, message));
  }

  private byte[] corrupt(Corruption corruption, ConsensusMessage message) {
    byte[] bytes = PERMISSIVE.encode(message);
    switch (corruption) {
      case INVALID_BLOCK:
        return message instanceof Proposal p
            ? PERMISSIVE.encode(
                resign(p, skipHeight(p.block(), 0), SigningDomain.CONSENSUS_PREPARE))
            : Arrays.copyOf(bytes, bytes.length / 2);
      case TRUNCATED:
        return Arrays.copyOf(bytes, bytes.length / 2);
      case BIT_FLIP:
        bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        return bytes;
      case WRONG_VERSION:
        bytes[0] = (byte) (ConsensusCodec.VERSION + 1);
        return bytes;
      case TRAILING:
        return Arrays.copyOf(bytes, bytes.length + 1);
      case OVERSIZED_BATCH:
        return message instanceof Proposal p
            ? PERMISSIVE.encode(
                resign(
                    p,
                    skipHeight(p.block(), limits.maxPayloadBytes() + 1),
                    SigningDomain.CONSENSUS_PREPARE))
            : garbage(limits.maxMessageBytes() + 1);
      case WRONG_DOMAIN:
        return PERMISSIVE.encode(wrongDomain(message));
      case NON_MEMBER_SHARE:
        return message instanceof Vote v
            ? PERMISSIVE.encode(nonMemberShare(v))
            : garbage(bytes.length);
      default:
        return garbage(bytes.length);
    }
  }

  private byte[] garbage(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  /** {@code payloadBytes == 0}: the height skips ahead; otherwise an oversized payload. */
  private static Block skipHeight(Block honest, int payloadBytes) {
    return new Block(
        honest.as(),
        honest.round(),
        payloadBytes == 0 ? honest.height() + 5 : honest.height(),
        honest.parent(),
        honest.proposer(),
        honest.time() + 1,
        new byte[payloadBytes],
        honest.justify());
  }

  private Proposal resign(Proposal honest, Block block, SigningDomain domain) {
    return new Proposal(
        block,
        honest.timeoutCertificate(),
        honest.sender(),
        identity.sign(domain, Messages.proposalStatement(block)));
  }

  private ConsensusMessage wrongDomain(ConsensusMessage message) {
    if (message instanceof Proposal p) {
      return resign(p, p.block(), SigningDomain.CONSENSUS_VIEW_CHANGE);
    }
    if (message instanceof Timeout t) {
      return new Timeout(
          t.round(),
          t.highQc(),
          t.lastRoundTc(),
          t.sender(),
          identity.sign(SigningDomain.CONSENSUS_PREPARE, new byte[] {1}));
    }
    if (message instanceof Vote v) {
      byte[] statement = Messages.voteStatement(as, v.round(), v.height(), v.blockHash());
      return rewrap(v, share.signPartial(SigningDomain.EXECUTION, statement));
    }
    return message;
  }

  private Vote nonMemberShare(Vote honest) {
    return rewrap(
        honest, new PartialSignature(ShareIndex.of(members + 5), honest.share().signature()));
  }

  private Vote rewrap(Vote honest, PartialSignature partial) {
    byte[] wrap =
        Messages.shareWrap(as, honest.round(), honest.height(), honest.blockHash(), partial);
    return new Vote(
        honest.round(),
        honest.height(),
        honest.blockHash(),
        partial,
        honest.sender(),
        identity.sign(SigningDomain.SHARE_WRAP, wrap));
  }
}
