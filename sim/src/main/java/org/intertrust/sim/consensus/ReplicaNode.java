package org.intertrust.sim.consensus;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.intertrust.consensus.Action;
import org.intertrust.consensus.ConsensusCodec;
import org.intertrust.consensus.ConsensusDecodingException;
import org.intertrust.consensus.ConsensusMessage;
import org.intertrust.consensus.Event;
import org.intertrust.consensus.QuorumCertificate;
import org.intertrust.consensus.Replica;
import org.intertrust.consensus.SafetyState;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.SimTimer;
import org.intertrust.sim.cpu.CpuCostTable;
import org.intertrust.sim.storage.NodeStorage;

/**
 * Runs one consensus {@link Replica} on the simulator: events in, actions out, exactly as the node
 * runtime will. Safety state goes to the node's simulated storage and is flushed before the
 * replica's messages leave; the crypto each message costs is charged to the node's CPU. Byzantine
 * replicas run the same code with an outgoing-message {@code tamper}. With a {@link ReplicaLedger},
 * committed blocks are executed and the ledger's messages (client transactions, execution shares
 * and certificates) are handled by it.
 */
final class ReplicaNode implements SimNode<AsMessage> {
  static final String SAFETY_KEY = "consensus/safety";
  static final String ED25519_SIGN = "ed25519.sign";
  static final String ED25519_VERIFY = "ed25519.verify";

  /** An honest replica's messages travel as objects. */
  static final Function<ConsensusMessage, AsMessage> HONEST = AsMessage.Consensus::new;

  private final Replica replica;
  private final ConsensusObserver observer;
  private final Function<ConsensusMessage, AsMessage> tamper;
  private final int quorum;
  private final Optional<ReplicaLedger> ledger;
  private final ConsensusCodec codec;
  private NodeContext<AsMessage> context;
  private QuorumCertificate lastSeen;

  ReplicaNode(
      Replica replica,
      ConsensusObserver observer,
      Function<ConsensusMessage, AsMessage> tamper,
      int quorum,
      ConsensusCodec codec) {
    this(replica, observer, tamper, quorum, codec, Optional.empty());
  }

  ReplicaNode(
      Replica replica,
      ConsensusObserver observer,
      Function<ConsensusMessage, AsMessage> tamper,
      int quorum,
      ConsensusCodec codec,
      Optional<ReplicaLedger> ledger) {
    this.replica = replica;
    this.observer = observer;
    this.tamper = tamper;
    this.quorum = quorum;
    this.codec = codec;
    this.ledger = ledger;
  }

  static SafetyState loadSafety(NodeStorage storage) {
    return storage
        .get(SAFETY_KEY)
        .map(bytes -> ByteBuffer.wrap(bytes))
        .map(buffer -> new SafetyState(buffer.getLong(), buffer.getLong()))
        .orElse(SafetyState.INITIAL);
  }

  @Override
  public void onStart(NodeContext<AsMessage> context) {
    this.context = context;
    ledger.ifPresent(l -> l.start(context));
    perform(replica.handle(new Event.Start(context.now())));
  }

  @Override
  public void onMessage(int from, AsMessage message) {
    if (message instanceof AsMessage.Consensus consensus) {
      receive(from, consensus.message());
    } else if (message instanceof AsMessage.Wire wire) {
      try {
        receive(from, codec.decode(wire.bytes()));
      } catch (ConsensusDecodingException e) {
        observer.undecodable(e.reason());
      }
    } else {
      ledger.ifPresent(l -> l.onMessage(from, message));
    }
  }

  private void receive(int from, ConsensusMessage message) {
    chargeReceive(message);
    perform(replica.handle(new Event.Received(context.now(), from, message)));
  }

  @Override
  public void onTimer(SimTimer timer) {
    perform(replica.handle(new Event.TimerFired(context.now(), (Long) timer.tag())));
  }

  /**
   * The crypto the replica core performs on receipt: a proposal's Ed25519 signature and its
   * certificate; a timeout's Ed25519 signature. A vote costs nothing on receipt: its share is
   * checked inside the combination (charged when the certificate forms) and its wrap only when the
   * share is bad.
   */
  private void chargeReceive(ConsensusMessage message) {
    if (message instanceof ConsensusMessage.Proposal) {
      context.charge(ED25519_VERIFY);
      context.charge(CpuCostTable.BLS_VERIFY);
    } else if (message instanceof ConsensusMessage.Timeout) {
      context.charge(ED25519_VERIFY);
    }
  }

  private void perform(List<Action> actions) {
    noteCertificate();
    for (Action action : actions) {
      if (action instanceof Action.Send send) {
        chargeSend(send.message());
        send(send.to(), send.message());
      } else if (action instanceof Action.Broadcast broadcast) {
        chargeSend(broadcast.message());
        broadcast(broadcast.message());
      } else if (action instanceof Action.SetTimer timer) {
        context.setTimer(timer.delayNanos(), timer.round());
      } else if (action instanceof Action.PersistSafety persist) {
        persist(persist.state());
      } else if (action instanceof Action.Commit commit) {
        observer.committed(context.nodeId(), commit.blocks());
        ledger.ifPresent(l -> l.onCommit(commit.blocks()));
      } else if (action instanceof Action.Reject reject) {
        observer.rejected(reject.reason());
      }
    }
    ledger.ifPresent(ReplicaLedger::chargeSignatureChecks);
  }

  /**
   * An honest replica's broadcast goes out as one message; a Byzantine one is tampered with per
   * recipient, so that an equivocating leader can tell each peer something else.
   */
  private void broadcast(ConsensusMessage message) {
    if (tamper == HONEST) {
      context.broadcast(HONEST.apply(message));
      receive(context.nodeId(), message);
      return;
    }
    boolean sent = false;
    for (int peer = context.group().firstId(); peer < context.group().endId(); peer++) {
      if (peer != context.nodeId()) {
        AsMessage tampered = tamper.apply(message);
        if (tampered != null) {
          context.send(peer, tampered);
          sent = true;
        }
      }
    }
    if (sent) {
      receive(context.nodeId(), message);
    }
  }

  private void send(int to, ConsensusMessage message) {
    AsMessage sent = tamper.apply(message);
    if (sent == null) {
      return;
    }
    if (to == context.nodeId()) {
      onMessage(to, sent);
    } else {
      context.send(to, sent);
    }
  }

  private void chargeSend(ConsensusMessage message) {
    if (message instanceof ConsensusMessage.Vote vote) {
      context.charge(CpuCostTable.BLS_SIGN_PARTIAL);
      observer.voted(context.nodeId(), vote.round(), vote.blockHash());
    } else if (message instanceof ConsensusMessage.Proposal proposal) {
      observer.proposed(proposal.block(), context.now());
      if (!proposal.block().justify().isGenesis()
          && proposal.block().justify().round() == proposal.block().round() - 1) {
        context.charge(CpuCostTable.BLS_COMBINE, quorum);
      }
    } else if (message instanceof ConsensusMessage.Timeout timeout) {
      observer.timedOut(timeout.round());
    }
    context.charge(ED25519_SIGN);
  }

  private void noteCertificate() {
    QuorumCertificate highQc = replica.highQc();
    if (!highQc.equals(lastSeen)) {
      lastSeen = highQc;
      observer.certified(context.nodeId(), highQc, context.now());
    }
  }

  private void persist(SafetyState state) {
    ByteBuffer buffer = ByteBuffer.allocate(16);
    buffer.putLong(state.highestVoteRound()).putLong(state.highestQcRound());
    context.storage().put(SAFETY_KEY, buffer.array());
    context.storage().flush();
  }

  @Override
  public String toString() {
    return "ReplicaNode[" + replica + "]";
  }
}
