package org.intertrust.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.intertrust.consensus.ConsensusMessage.BlockRequest;
import org.intertrust.consensus.ConsensusMessage.BlockResponse;
import org.intertrust.consensus.ConsensusMessage.Proposal;
import org.intertrust.consensus.ConsensusMessage.Timeout;
import org.intertrust.consensus.ConsensusMessage.Vote;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentitySignature;

/**
 * The replica core of Jolteon (ADR 0004): a pure state machine. {@link #handle} takes one event and
 * returns the actions to perform, in order. It never touches the network, files, clocks or threads;
 * time comes with each event and randomness (for batch verification) is injected.
 *
 * <p>Normal case: the leader of round r proposes a block extending the highest certificate; each
 * replica votes (a partial signature) to the leader of r+1, which combines 2f+1 votes into a
 * certificate and proposes next with it. Two certified blocks in consecutive rounds commit the
 * first. A round that makes no progress ends with 2f+1 timeouts (a timeout certificate).
 */
public final class Replica {
  private final ConsensusConfig config;
  private final int self;
  private final IdentityKeyPair identity;
  private final KeyShare commitShare;
  private final PayloadSource payloads;
  private final SignatureVerifier verifier;
  private final BlockTree tree;
  private final VoteCollector votes;
  private final TimeoutCollector timeouts;
  private final Map<Long, BlockHash> proposalSeen = new HashMap<>();
  private final List<Proposal> waitingForParent = new ArrayList<>();
  private QuorumCertificate lastVerified;
  private long lastTimeoutRound;
  private int certificateSource;
  private long proposalPending = -1;
  private SafetyState safety;
  private long currentRound;
  private int consecutiveTimeouts;
  private List<Action> out = new ArrayList<>();

  /**
   * A replica with the safety state it persisted last (or {@link SafetyState#INITIAL}).
   *
   * @param random the batch-verification randomness: {@code SecureRandom} in the node, seeded in
   *     the simulator
   */
  public Replica(
      ConsensusConfig config,
      int self,
      IdentityKeyPair identity,
      KeyShare commitShare,
      PayloadSource payloads,
      SafetyState persisted,
      RandomGenerator random) {
    this(
        config, self, identity, commitShare, payloads, persisted, random, SignatureVerifier.DIRECT);
  }

  /**
   * A replica that checks signatures through {@code verifier} (the simulator shares identical
   * checks among its replicas; see {@link SignatureVerifier}).
   */
  public Replica(
      ConsensusConfig config,
      int self,
      IdentityKeyPair identity,
      KeyShare commitShare,
      PayloadSource payloads,
      SafetyState persisted,
      RandomGenerator random,
      SignatureVerifier verifier) {
    if (self < 0 || self >= config.size() || commitShare.index().value() != self + 1) {
      throw new IllegalArgumentException("replica " + self + " must hold share " + (self + 1));
    }
    this.config = config;
    this.self = self;
    this.identity = identity;
    this.commitShare = commitShare;
    this.payloads = payloads;
    this.verifier = java.util.Objects.requireNonNull(verifier, "verifier");
    this.tree = new BlockTree(Block.genesis(config.as()));
    this.votes = new VoteCollector(config, new ThresholdCombiner(random));
    this.timeouts = new TimeoutCollector(config);
    this.safety = persisted;
  }

  public long currentRound() {
    return currentRound;
  }

  public Block lastCommitted() {
    return tree.lastCommitted();
  }

  public QuorumCertificate highQc() {
    return tree.highQc();
  }

  public SafetyState safetyState() {
    return safety;
  }

  /** Handles one event; returns the actions to perform, in order. */
  public List<Action> handle(Event event) {
    out = new ArrayList<>();
    if (event instanceof Event.Start start) {
      enterRound(Math.max(1, safety.highestVoteRound()), start.now());
    } else if (event instanceof Event.TimerFired timer) {
      onTimer(timer);
    } else if (event instanceof Event.Received received) {
      onMessage(received);
    }
    return out;
  }

  private void onMessage(Event.Received received) {
    ConsensusMessage message = received.message();
    if (message.sender() != received.from()
        || received.from() < 0
        || received.from() >= config.size()) {
      reject(received.from(), RejectReason.NOT_A_MEMBER, "sender " + message.sender());
      return;
    }
    long now = received.now();
    if (message instanceof Proposal proposal) {
      onProposal(proposal, now);
    } else if (message instanceof Vote vote) {
      onVote(vote, now);
    } else if (message instanceof Timeout timeout) {
      onTimeout(timeout, now);
    } else if (message instanceof BlockRequest request) {
      onBlockRequest(request);
    } else if (message instanceof BlockResponse response) {
      onBlockResponse(response, now);
    }
  }

  // ---- proposals ---------------------------------------------------------------------------

  private void propose(long now) {
    QuorumCertificate highQc = tree.highQc();
    java.util.Optional<Block> known = tree.get(highQc.blockHash());
    if (known.isEmpty()) {
      proposalPending = currentRound;
      long height = tree.lastCommitted().height();
      out.add(
          new Action.Send(
              certificateSource, new BlockRequest(currentRound, highQc.blockHash(), height, self)));
      return;
    }
    proposalPending = -1;
    Block parent = known.get();
    long time = Math.max(parent.time() + 1, now);
    byte[] payload =
        payloads.next(
            parent.height() + 1,
            time,
            config.maxPayloadBytes(),
            after -> tree.payloadsAbove(parent, after));
    Block block =
        new Block(
            config.as(),
            currentRound,
            parent.height() + 1,
            parent.hash(),
            self,
            time,
            payload,
            highQc);
    TimeoutCertificate tc = timeouts.certificateFor(currentRound - 1).orElse(null);
    byte[] statement = RoundStatement.proposal(config.as(), currentRound, block.hash()).encode();
    Proposal proposal =
        new Proposal(block, tc, self, identity.sign(SigningDomain.CONSENSUS_PREPARE, statement));
    out.add(new Action.Broadcast(proposal));
  }

  private void onProposal(Proposal proposal, long now) {
    Block block = proposal.block();
    int from = proposal.sender();
    if (config.leader(block.round()) != from || block.proposer() != from) {
      reject(from, RejectReason.NOT_THE_LEADER, "round " + block.round());
      return;
    }
    byte[] statement = RoundStatement.proposal(config.as(), block.round(), block.hash()).encode();
    if (!verifyIdentity(from, SigningDomain.CONSENSUS_PREPARE, statement, proposal.signature())) {
      reject(from, RejectReason.BAD_SIGNATURE, "proposal " + block);
      return;
    }
    BlockHash seen = proposalSeen.putIfAbsent(block.round(), block.hash());
    if (seen != null && !seen.equals(block.hash())) {
      reject(from, RejectReason.EQUIVOCATION, "round " + block.round());
      return;
    }
    if (!acceptCertificates(block.justify(), proposal.timeoutCertificate(), from, now)) {
      return;
    }
    if (tree.get(block.parent()).isEmpty()) {
      waitingForParent.add(proposal);
      reject(from, RejectReason.MISSING_PARENT, block.toString());
      long known = tree.lastCommitted().height();
      out.add(new Action.Send(from, new BlockRequest(currentRound, block.parent(), known, self)));
      return;
    }
    if (block.round() != currentRound) {
      if (block.hash().equals(tree.highQc().blockHash())) {
        tree.add(block);
        proposeIfPending(now);
      }
      reject(from, RejectReason.WRONG_ROUND, block + " in round " + currentRound);
      return;
    }
    if (!wellFormed(block, from, now)) {
      return;
    }
    tree.add(block);
    vote(block, proposal.timeoutCertificate());
  }

  private boolean wellFormed(Block block, int from, long now) {
    Block parent = tree.get(block.parent()).orElseThrow();
    if (!block.as().equals(config.as())
        || !block.parent().equals(block.justify().blockHash())
        || block.height() != parent.height() + 1
        || block.time() <= parent.time()
        || block.time() > now + ConsensusConfig.MAX_CLOCK_DRIFT_NANOS
        || block.round() <= parent.round()) {
      reject(from, RejectReason.MALFORMED_BLOCK, block.toString());
      return false;
    }
    byte[] payload = block.payload();
    if (payload.length > config.maxPayloadBytes() || !payloads.isValid(block.height(), payload)) {
      reject(from, RejectReason.INVALID_PAYLOAD, block.toString());
      return false;
    }
    return true;
  }

  /** Jolteon's voting rule; persists the vote round before the vote leaves. */
  private void vote(Block block, TimeoutCertificate tc) {
    long qcRound = block.justify().round();
    boolean consecutive = block.round() == qcRound + 1;
    boolean safeToExtend =
        tc != null && block.round() == tc.round() + 1 && qcRound >= tc.maxHighQcRound();
    if (block.round() <= Math.max(safety.highestVoteRound(), qcRound)
        || !(consecutive || safeToExtend)) {
      reject(block.proposer(), RejectReason.UNSAFE, block.toString());
      return;
    }
    persist(new SafetyState(block.round(), Math.max(safety.highestQcRound(), qcRound)));
    VoteStatement statement =
        new VoteStatement(config.as(), block.round(), block.height(), block.hash());
    var share = commitShare.signPartial(SigningDomain.CONSENSUS_COMMIT, statement.encode());
    byte[] wrapped = wrapBytes(statement, share.toBytes());
    Vote vote =
        new Vote(
            block.round(),
            block.height(),
            block.hash(),
            share,
            self,
            identity.sign(SigningDomain.SHARE_WRAP, wrapped));
    out.add(new Action.Send(config.leader(block.round() + 1), vote));
  }

  private byte[] wrapBytes(VoteStatement statement, byte[] share) {
    return shareWrapBytes(statement, share);
  }

  /** What a voter's Ed25519 wrap signs: the vote statement and the share, in the AS's domain. */
  static byte[] shareWrapBytes(VoteStatement statement, byte[] share) {
    byte[] vote = statement.encode();
    byte[] both = new byte[vote.length + share.length];
    System.arraycopy(vote, 0, both, 0, vote.length);
    System.arraycopy(share, 0, both, vote.length, share.length);
    return RoundStatement.shareWrap(statement.as(), statement.round(), both).encode();
  }

  // ---- votes -------------------------------------------------------------------------------

  /**
   * A vote for the round this replica collects. The share wrap (Ed25519) is not verified here: a
   * valid share proves its sender by itself, and the transport authenticates {@code from}. Only a
   * share that fails to combine gets its wrap checked, to turn it into attributable evidence.
   */
  private void onVote(Vote vote, long now) {
    int from = vote.sender();
    if (config.leader(vote.round() + 1) != self) {
      reject(from, RejectReason.NOT_THE_COLLECTOR, "round " + vote.round());
      return;
    }
    if (vote.share().index().value() != from + 1) {
      reject(from, RejectReason.BAD_SHARE, "share index " + vote.share().index());
      return;
    }
    if (!inWindow(vote.round())) {
      reject(from, RejectReason.WRONG_ROUND, "vote for round " + vote.round());
      return;
    }
    VoteCollector.Outcome outcome = votes.add(vote);
    for (Vote bad : outcome.badVotes()) {
      VoteStatement statement =
          new VoteStatement(config.as(), bad.round(), bad.height(), bad.blockHash());
      boolean signed =
          verifyIdentity(
              bad.sender(),
              SigningDomain.SHARE_WRAP,
              wrapBytes(statement, bad.share().toBytes()),
              bad.wrap());
      reject(
          bad.sender(),
          signed ? RejectReason.BAD_SHARE : RejectReason.BAD_SIGNATURE,
          "round " + bad.round() + (signed ? ", signed by its sender" : ", wrap invalid"));
    }
    outcome.certificate().ifPresent(qc -> onCertificate(qc, now));
  }

  // ---- certificates and rounds -------------------------------------------------------------

  /** Verifies and applies the certificates a message carries; false (and a rejection) if bad. */
  private boolean acceptCertificates(
      QuorumCertificate qc, TimeoutCertificate tc, int from, long now) {
    if (qc == null
        || !qc.as().equals(config.as())
        || !qc.verify(config.commitKey(), tree.genesis().hash(), verifier)) {
      reject(from, RejectReason.BAD_CERTIFICATE, String.valueOf(qc));
      return false;
    }
    if (tc != null
        && (!tc.as().equals(config.as())
            || !tc.verify(config.replicaKeys(), config.quorum(), verifier))) {
      reject(from, RejectReason.BAD_CERTIFICATE, "timeout certificate " + tc.round());
      return false;
    }
    if (qc.round() > tree.highQc().round()) {
      certificateSource = from;
    }
    onCertificate(qc, now);
    if (tc != null) {
      timeouts.adopt(tc);
      enterRound(tc.round() + 1, now);
    }
    return true;
  }

  /** Verifies a certificate; the highest and the last verified one are not verified again. */
  private boolean verified(QuorumCertificate qc) {
    if (qc.equals(tree.highQc()) || qc.equals(lastVerified)) {
      return true;
    }
    if (!qc.verify(config.commitKey(), tree.genesis().hash(), verifier)) {
      return false;
    }
    lastVerified = qc;
    return true;
  }

  private void onCertificate(QuorumCertificate qc, long now) {
    List<Block> committed = tree.certify(qc);
    if (!committed.isEmpty()) {
      out.add(new Action.Commit(committed, qc));
    }
    if (qc.round() + 1 > currentRound) {
      consecutiveTimeouts = 0;
      enterRound(qc.round() + 1, now);
    }
  }

  private void enterRound(long round, long now) {
    if (round <= currentRound) {
      return;
    }
    currentRound = round;
    proposalSeen.keySet().removeIf(seen -> seen < round - 1);
    timeouts.forgetBefore(round - 1);
    votes.forgetBefore(round - 1);
    out.add(new Action.SetTimer(round, config.timeout(consecutiveTimeouts)));
    if (config.leader(round) == self && leaderCanPropose(round)) {
      propose(now);
    }
    retryWaiting(now);
  }

  /** Proposes now if this leader was waiting for the block of its highest certificate. */
  private void proposeIfPending(long now) {
    if (proposalPending == currentRound
        && config.leader(currentRound) == self
        && tree.get(tree.highQc().blockHash()).isPresent()) {
      propose(now);
    }
  }

  /** The leader of r proposes once it holds the certificate of round r-1 or a timeout one. */
  private boolean leaderCanPropose(long round) {
    return tree.highQc().round() == round - 1 || timeouts.certificateFor(round - 1).isPresent();
  }

  private void retryWaiting(long now) {
    if (waitingForParent.isEmpty()) {
      return;
    }
    List<Proposal> retry = new ArrayList<>(waitingForParent);
    waitingForParent.clear();
    for (Proposal proposal : retry) {
      if (proposal.round() >= currentRound && tree.get(proposal.block().parent()).isPresent()) {
        onProposal(proposal, now);
      } else if (proposal.round() >= currentRound) {
        waitingForParent.add(proposal);
      }
    }
  }

  // ---- timeouts ----------------------------------------------------------------------------

  private void onTimer(Event.TimerFired timer) {
    if (timer.round() != currentRound) {
      return;
    }
    consecutiveTimeouts++;
    long round = currentRound;
    lastTimeoutRound = round;
    QuorumCertificate highQc = tree.highQc();
    persist(
        new SafetyState(
            Math.max(safety.highestVoteRound(), round),
            Math.max(safety.highestQcRound(), highQc.round())));
    byte[] statement = RoundStatement.timeout(config.as(), round, highQc.round()).encode();
    Timeout timeout =
        new Timeout(
            round,
            highQc,
            timeouts.certificateFor(round - 1).orElse(null),
            self,
            identity.sign(SigningDomain.CONSENSUS_VIEW_CHANGE, statement));
    out.add(new Action.Broadcast(timeout));
    out.add(new Action.SetTimer(round, config.timeout(consecutiveTimeouts)));
  }

  private void onTimeout(Timeout timeout, long now) {
    int from = timeout.sender();
    if (!inWindow(timeout.round())) {
      reject(from, RejectReason.WRONG_ROUND, "timeout for round " + timeout.round());
      return;
    }
    byte[] statement =
        RoundStatement.timeout(config.as(), timeout.round(), timeout.highQc().round()).encode();
    if (!verifyIdentity(
        from, SigningDomain.CONSENSUS_VIEW_CHANGE, statement, timeout.signature())) {
      reject(from, RejectReason.BAD_SIGNATURE, "timeout, round " + timeout.round());
      return;
    }
    TimeoutCertificate lastRoundTc = timeout.lastRoundTc();
    if (lastRoundTc != null && lastRoundTc.round() != timeout.round() - 1) {
      reject(from, RejectReason.BAD_CERTIFICATE, "timeout certificate " + lastRoundTc.round());
      return;
    }
    // Only a certificate that moves this replica forward is worth its 2f+1 signature checks.
    boolean advances = lastRoundTc != null && lastRoundTc.round() >= currentRound;
    if (!acceptCertificates(timeout.highQc(), advances ? lastRoundTc : null, from, now)) {
      return;
    }
    timeouts.add(timeout).ifPresent(tc -> enterRound(tc.round() + 1, now));
    if (timeout.round() == currentRound
        && lastTimeoutRound < currentRound
        && timeouts.senders(currentRound) > ConsensusConfig.faults(config.size())) {
      onTimer(new Event.TimerFired(now, currentRound));
    }
  }

  // ---- catch-up ----------------------------------------------------------------------------

  private void onBlockRequest(BlockRequest request) {
    List<Block> chain = tree.chainTo(request.blockHash(), request.knownHeight());
    if (!chain.isEmpty()) {
      out.add(new Action.Send(request.sender(), new BlockResponse(currentRound, chain, self)));
    }
  }

  private void onBlockResponse(BlockResponse response, long now) {
    for (Block block : response.blocks()) {
      if (tree.get(block.hash()).isPresent()) {
        continue;
      }
      if (tree.get(block.parent()).isEmpty()
          || !block.parent().equals(block.justify().blockHash())) {
        reject(response.sender(), RejectReason.MALFORMED_BLOCK, "response " + block);
        return;
      }
      if (!acceptCertificates(block.justify(), null, response.sender(), now)) {
        return;
      }
      tree.add(block);
    }
    proposeIfPending(now);
    retryWaiting(now);
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** Votes and timeouts are kept only for rounds near the current one. */
  private boolean inWindow(long round) {
    return round >= currentRound - 1 && round <= currentRound + ConsensusConfig.ROUND_WINDOW;
  }

  private boolean verifyIdentity(
      int signer, SigningDomain domain, byte[] message, IdentitySignature signature) {
    return verifier.verifyIdentity(config.replicaKeys().get(signer), domain, message, signature);
  }

  private void persist(SafetyState state) {
    safety = state;
    out.add(new Action.PersistSafety(state));
  }

  private void reject(int from, RejectReason reason, String detail) {
    out.add(new Action.Reject(from, reason, detail));
  }

  @Override
  public String toString() {
    return "Replica[" + config.as() + " #" + self + " round " + currentRound + "]";
  }
}
