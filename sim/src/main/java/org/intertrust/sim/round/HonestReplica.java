package org.intertrust.sim.round;

import java.util.Optional;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.bls.UncheckedPartialSignature;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.SimTimer;

/**
 * An honest replica: signs the proposal and sends its share to the collector, then verifies the
 * certificate. Replica {@link RoundSetup#LEADER} also proposes and collects.
 */
final class HonestReplica implements SimNode<RoundMessage> {
  private final int id;
  private final Combining combining;
  private final CpuTiming timing;
  private final RoundShares shares;
  private final RoundState state;
  private final Optional<Collector> collector;
  private NodeContext<RoundMessage> context;

  HonestReplica(
      int id,
      Combining combining,
      CpuTiming timing,
      RoundShares shares,
      RoundState state,
      Optional<Collector> collector) {
    this.id = id;
    this.combining = combining;
    this.timing = timing;
    this.shares = shares;
    this.state = state;
    this.collector = collector;
  }

  @Override
  public void onStart(NodeContext<RoundMessage> nodeContext) {
    this.context = nodeContext;
    if (collector.isPresent()) {
      RoundMessage.Proposal proposal = new RoundMessage.Proposal(shares.proposal());
      context.broadcast(proposal);
      context.send(id, proposal);
    }
  }

  @Override
  public void onMessage(int from, RoundMessage message) {
    if (message instanceof RoundMessage.Proposal) {
      handleProposal();
    } else if (message instanceof RoundMessage.Share) {
      handleShare((RoundMessage.Share) message);
    } else if (message instanceof RoundMessage.Certificate) {
      handleCertificate((RoundMessage.Certificate) message);
    }
  }

  private void handleProposal() {
    PartialSignature partial = shares.partial(id);
    timing.charge(context, RoundCosts.SIGN_PARTIAL, shares.signNanos(id));
    byte[] wire =
        combining == Combining.OPTIMIZED
            ? UncheckedPartialSignature.encode(partial)
            : partial.toBytes();
    context.send(RoundSetup.LEADER, new RoundMessage.Share(wire));
  }

  private void handleShare(RoundMessage.Share share) {
    if (collector.isEmpty() || state.certified()) {
      return;
    }
    Optional<byte[]> certificate = collector.get().onShare(context, share.wire());
    if (certificate.isPresent()) {
      state.markVerified(id, context.now());
      context.broadcast(new RoundMessage.Certificate(certificate.get()));
    }
  }

  private void handleCertificate(RoundMessage.Certificate certificate) {
    RoundShares.Verification verification = shares.verifyCertificate(certificate.signature());
    timing.charge(context, RoundCosts.VERIFY_CERTIFICATE, verification.nanos());
    if (verification.valid()) {
      state.markVerified(id, context.now());
    }
  }

  @Override
  public void onTimer(SimTimer timer) {
    throw new IllegalStateException("a round sets no timers");
  }
}
