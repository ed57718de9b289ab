package org.intertrust.ledger.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.intertrust.ledger.execution.RejectionReason;
import org.intertrust.ledger.state.CrossAsRole;
import org.intertrust.ledger.state.CrossAsStatus;
import org.junit.jupiter.api.Test;

/** Tags are wire format: each is pinned here, so a change is a visible, deliberate edit. */
class WireTagsTest {

  @Test
  void transactionKindTags_arePinned() {
    Map<String, Integer> tags = new LinkedHashMap<>();
    Arrays.stream(TransactionKind.values()).forEach(k -> tags.put(k.name(), k.tag()));
    assertEquals(
        "{GENESIS_ALLOCATION=1, TRANSFER=2, ESCROW_LOCK=16, ESCROW_FINALIZE=17, ESCROW_REFUND=18,"
            + " VOUCHER_MINT=19, VOUCHER_BURN=20, DECISION_RECORD=21, EXPIRE_ENTRY=22,"
            + " MESSAGE_DELIVERY=23, SWAP_LOCK=24, MESSAGE_SEND=25, SWAP_EXECUTE=26}",
        tags.toString());
  }

  @Test
  void rejectionReasonTags_areDistinctAndStartAtOne() {
    int[] tags = Arrays.stream(RejectionReason.values()).mapToInt(RejectionReason::tag).toArray();
    for (int i = 0; i < tags.length; i++) {
      assertEquals(i + 1, tags[i], RejectionReason.values()[i].name());
    }
  }

  @Test
  void decisionRoleAndStatusTags_arePinned() {
    assertEquals(1, Decision.UNLOCK.tag());
    assertEquals(2, Decision.RELEASE.tag());
    assertEquals(1, CrossAsRole.SOURCE.tag());
    assertEquals(2, CrossAsRole.DESTINATION.tag());
    int[] statusTags = Arrays.stream(CrossAsStatus.values()).mapToInt(CrossAsStatus::tag).toArray();
    assertEquals("[1, 2, 3, 4, 5]", Arrays.toString(statusTags));
  }

  @Test
  void crossAsStatus_allowsOnlyLockedToFinalizedOrRefunded() {
    for (CrossAsStatus from : CrossAsStatus.values()) {
      for (CrossAsStatus to : CrossAsStatus.values()) {
        boolean legal =
            from == CrossAsStatus.LOCKED
                && (to == CrossAsStatus.FINALIZED || to == CrossAsStatus.REFUNDED);
        assertEquals(legal, from.canMoveTo(to), from + " -> " + to);
      }
    }
  }
}
