package org.intertrust.sim.example;

import java.nio.ByteBuffer;
import java.util.BitSet;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.NodeFactory;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.SimTimer;
import org.intertrust.sim.example.RoundMessage.Ack;
import org.intertrust.sim.example.RoundMessage.Propose;
import org.intertrust.sim.storage.NodeStorage;

/**
 * A replica of the example protocol. The leader (node 0) proposes a random value per round,
 * re-broadcasts on a timer until a quorum has acknowledged, then records the round in its storage
 * ({@value #COMMITTED_KEY}) and starts the next. A restarted leader resumes after the last round
 * its storage kept. Followers acknowledge every proposal.
 */
public final class RoundNode implements SimNode<RoundMessage> {
  /** Storage key of the leader's last committed round. */
  public static final String COMMITTED_KEY = "committed";

  private static final int LEADER = 0;

  private final RoundConfig config;
  private final RoundLog log;
  private final NodeStorage storage;
  private NodeContext<RoundMessage> context;
  private int round;
  private long value;
  private long proposedAt;
  private final BitSet acks = new BitSet();
  private int timersFired;

  private RoundNode(RoundConfig config, RoundLog log, NodeStorage storage) {
    this.config = config;
    this.log = log;
    this.storage = storage;
  }

  /** A factory for the simulator; every node of a run shares {@code log}. */
  public static NodeFactory<RoundMessage> factory(RoundConfig config, RoundLog log) {
    return (nodeId, storage, incarnation) -> new RoundNode(config, log, storage);
  }

  /** The leader's current round (0 before the first). */
  public int round() {
    return round;
  }

  /** Timers this instance has seen fire. */
  public int timersFired() {
    return timersFired;
  }

  @Override
  public void onStart(NodeContext<RoundMessage> nodeContext) {
    this.context = nodeContext;
    if (context.nodeId() == LEADER) {
      int committed = storage.get(COMMITTED_KEY).map(b -> ByteBuffer.wrap(b).getInt()).orElse(0);
      context.note("recovered committed=" + committed);
      propose(committed + 1);
    }
  }

  @Override
  public void onMessage(int from, RoundMessage message) {
    if (!config.verifyOperation().isEmpty()) {
      context.charge(config.verifyOperation());
    }
    if (message instanceof Propose propose) {
      context.send(from, new Ack(propose.round()));
    } else if (message instanceof Ack ack && context.nodeId() == LEADER) {
      handleAck(from, ack);
    }
  }

  @Override
  public void onTimer(SimTimer timer) {
    timersFired++;
    if (timer.tag().equals(round) && round <= config.rounds()) {
      context.broadcast(new Propose(round, value));
      context.setTimer(config.retransmitNanos(), round);
    }
  }

  private void handleAck(int from, Ack ack) {
    if (ack.round() != round || acks.get(from)) {
      return;
    }
    acks.set(from);
    if (acks.cardinality() + 1 == config.quorum()) {
      commit();
    }
  }

  private void commit() {
    storage.put(COMMITTED_KEY, ByteBuffer.allocate(4).putInt(round).array());
    if (config.flushOnCommit()) {
      storage.flush();
    }
    long now = context.now();
    log.committed(new RoundLog.Commit(round, value, now, context.incarnation()), now - proposedAt);
    propose(round + 1);
  }

  private void propose(int next) {
    round = next;
    acks.clear();
    if (round > config.rounds()) {
      return;
    }
    value = context.random().nextLong(1_000_000);
    proposedAt = context.now();
    context.broadcast(new Propose(round, value));
    context.setTimer(config.retransmitNanos(), round);
  }
}
