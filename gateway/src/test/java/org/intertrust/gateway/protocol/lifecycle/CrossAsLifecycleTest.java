package org.intertrust.gateway.protocol.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CrossAsLifecycleTest {
  private static final CrossAsTxId TX = new CrossAsTxId(Sha256.hash(new byte[] {1}));

  @Test
  void happyPath_goesThroughEveryPhase() throws Exception {
    CrossAsLifecycle lifecycle = new CrossAsLifecycle(TX);
    assertEquals(CrossAsPhase.REQUESTED, lifecycle.phase());
    lifecycle.onLocked();
    lifecycle.onRelayed();
    lifecycle.onDecided(Decision.UNLOCK, "");
    assertEquals(
        new CrossAsStatusView(TX, CrossAsPhase.DECIDED, Optional.of(Decision.UNLOCK), ""),
        lifecycle.view());
    lifecycle.onFinal();
    assertEquals(CrossAsPhase.FINAL, lifecycle.phase());
  }

  @Test
  void expiryBeforeAnyRelay_decidesReleaseFromLocked() throws Exception {
    CrossAsLifecycle lifecycle = new CrossAsLifecycle(TX);
    lifecycle.onLocked();
    lifecycle.onDecided(Decision.RELEASE, "DEADLINE_PASSED");
    assertEquals("DEADLINE_PASSED", lifecycle.view().reason());
    assertEquals(Optional.of(Decision.RELEASE), lifecycle.view().decision());
  }

  @Test
  void decisionBeforeLock_isIllegal() {
    CrossAsLifecycle lifecycle = new CrossAsLifecycle(TX);
    IllegalTransitionException e =
        assertThrows(
            IllegalTransitionException.class, () -> lifecycle.onDecided(Decision.UNLOCK, ""));
    assertEquals(CrossAsPhase.REQUESTED, e.from());
    assertEquals(CrossAsPhase.DECIDED, e.to());
    assertEquals(CrossAsPhase.REQUESTED, lifecycle.phase(), "a refused move changes nothing");
  }

  @Test
  void finalWithoutDecision_isIllegal() throws Exception {
    CrossAsLifecycle lifecycle = new CrossAsLifecycle(TX);
    lifecycle.onLocked();
    lifecycle.onRelayed();
    assertThrows(IllegalTransitionException.class, lifecycle::onFinal);
  }

  @Test
  void sameDecisionAgain_isIdempotent_andAConflictingOneIsRefused() throws Exception {
    CrossAsLifecycle lifecycle = new CrossAsLifecycle(TX);
    lifecycle.onLocked();
    lifecycle.onRelayed();
    lifecycle.onDecided(Decision.RELEASE, "DEADLINE_PASSED");
    lifecycle.onDecided(Decision.RELEASE, "DEADLINE_PASSED");
    lifecycle.onFinal();
    lifecycle.onDecided(Decision.RELEASE, "DEADLINE_PASSED");
    assertThrows(IllegalTransitionException.class, () -> lifecycle.onDecided(Decision.UNLOCK, ""));
    assertEquals(Optional.of(Decision.RELEASE), lifecycle.view().decision());
  }

  @Test
  void relayedTwice_isIllegal() throws Exception {
    CrossAsLifecycle lifecycle = new CrossAsLifecycle(TX);
    lifecycle.onLocked();
    lifecycle.onRelayed();
    assertThrows(IllegalTransitionException.class, lifecycle::onRelayed);
    assertThrows(IllegalTransitionException.class, lifecycle::onLocked);
  }

  private static final Set<String> ALLOWED =
      Set.of(
          "REQUESTED>LOCKED",
          "LOCKED>RELAYED",
          "LOCKED>DECIDED",
          "RELAYED>DECIDED",
          "DECIDED>FINAL");

  @ParameterizedTest
  @EnumSource(CrossAsPhase.class)
  void transitionTable_allowsExactlyTheDocumentedMoves(CrossAsPhase from) {
    for (CrossAsPhase to : EnumSet.allOf(CrossAsPhase.class)) {
      assertEquals(ALLOWED.contains(from + ">" + to), from.canMoveTo(to), from + " -> " + to);
    }
    assertTrue(CrossAsPhase.FINAL.successors().isEmpty());
  }

  @Test
  void duplicateFilter_admitsOnce_thenDropsThenAnswersIdempotently() {
    DuplicateFilter<String> filter = new DuplicateFilter<>(8);
    assertInstanceOf(DuplicateFilter.Admission.Admitted.class, filter.admit(TX));
    assertInstanceOf(DuplicateFilter.Admission.InProgress.class, filter.admit(TX));
    filter.answer(TX, "decision-certificate");
    filter.answer(TX, "a later, different answer");
    assertEquals(
        new DuplicateFilter.Admission.Answered<>("decision-certificate"), filter.admit(TX));
    assertEquals(Optional.of("decision-certificate"), filter.answerOf(TX));
  }

  @Test
  void duplicateFilter_evictsOldestAnsweredFirst_andRefusesWhenAllInProgress() {
    DuplicateFilter<String> filter = new DuplicateFilter<>(2);
    CrossAsTxId a = new CrossAsTxId(Sha256.hash(new byte[] {10}));
    CrossAsTxId b = new CrossAsTxId(Sha256.hash(new byte[] {11}));
    CrossAsTxId c = new CrossAsTxId(Sha256.hash(new byte[] {12}));
    filter.admit(a);
    filter.admit(b);
    assertInstanceOf(DuplicateFilter.Admission.Busy.class, filter.admit(c));
    filter.answer(b, "done");
    assertInstanceOf(DuplicateFilter.Admission.Admitted.class, filter.admit(c));
    assertEquals(2, filter.size());
    assertInstanceOf(DuplicateFilter.Admission.InProgress.class, filter.admit(a));
    assertInstanceOf(DuplicateFilter.Admission.Busy.class, filter.admit(b));
  }
}
