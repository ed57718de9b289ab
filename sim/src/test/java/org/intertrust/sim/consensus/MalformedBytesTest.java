package org.intertrust.sim.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.intertrust.consensus.ConsensusDecodingException.Reason;
import org.intertrust.consensus.RejectReason;
import org.intertrust.sim.consensus.ConsensusScenario.CpuMode;
import org.intertrust.sim.consensus.ConsensusScenario.Options;
import org.intertrust.sim.consensus.ConsensusScenario.Summary;
import org.junit.jupiter.api.Test;

/** A replica that breaks every message it sends, at the byte level and in signed content. */
class MalformedBytesTest {
  @Test
  void malformedBytes_areRejectedWithTypedReasons_andTheHonestReplicasKeepCommitting() {
    Summary summary =
        ConsensusScenario.run(
            new Options(4, 1, List.of(Behaviour.MALFORMED), 12, 5, CpuMode.FIXED, 30_000));
    assertTrue(summary.invariantsOk(), summary.violations().toString());
    assertTrue(summary.committedRounds() >= 12, summary.toString());
    Map<Reason, Long> undecodable = summary.undecodable();
    assertTrue(
        undecodable
            .keySet()
            .containsAll(
                Set.of(
                    Reason.TRUNCATED,
                    Reason.TRAILING_BYTES,
                    Reason.UNSUPPORTED_VERSION,
                    Reason.OVER_LIMIT)),
        "undecodable: " + undecodable);
    assertTrue(
        summary.rejections().getOrDefault(RejectReason.BAD_SIGNATURE, 0L) > 0,
        "wrong-domain signatures: " + summary.rejections());
  }

  @Test
  void malformedRuns_replayExactlyFromTheirSeed() {
    Options options = new Options(4, 1, List.of(Behaviour.MALFORMED), 6, 9, CpuMode.FIXED, 30_000);
    Summary first = ConsensusScenario.run(options);
    Summary again = ConsensusScenario.run(options);
    assertEquals(first.traceSha256(), again.traceSha256());
    assertEquals(first.undecodable(), again.undecodable());
  }

  @Test
  void honestTraffic_neverFailsToDecode() {
    Summary summary =
        ConsensusScenario.run(
            new Options(4, 1, List.of(Behaviour.FORK_VOTES), 8, 5, CpuMode.FIXED, 30_000));
    assertTrue(summary.undecodable().isEmpty(), "" + summary.undecodable());
    assertTrue(summary.committedRounds() >= 8);
  }
}
