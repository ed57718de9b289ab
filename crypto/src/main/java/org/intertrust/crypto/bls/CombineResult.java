package org.intertrust.crypto.bls;

import java.util.List;

/** The outcome of {@link ThresholdCombiner#combine}: a verified signature, or why there is none. */
public sealed interface CombineResult {
  /** Shares rejected as invalid or as not belonging to the key: their senders are to blame. */
  List<ShareIndex> blamed();

  /**
   * A threshold signature that verified under the group key.
   *
   * @param signature the combined signature
   * @param signers the k share indices it was interpolated from
   * @param blamed the shares found invalid on the way (empty on the optimistic path)
   */
  record Combined(BlsSignature signature, List<ShareIndex> signers, List<ShareIndex> blamed)
      implements CombineResult {
    public Combined {
      signers = List.copyOf(signers);
      blamed = List.copyOf(blamed);
    }
  }

  /**
   * No signature: fewer than k distinct shares were offered, or fewer than k were valid.
   *
   * @param reason why
   * @param blamed the shares found invalid
   * @param detail a human-readable explanation for logs
   */
  record Failed(Reason reason, List<ShareIndex> blamed, String detail) implements CombineResult {
    public Failed {
      blamed = List.copyOf(blamed);
    }
  }

  /** Why combining failed. */
  enum Reason {
    /** Fewer than k distinct share indices of this key were offered. */
    NOT_ENOUGH_SHARES,
    /** Enough shares were offered, but fewer than k of them are valid. */
    NOT_ENOUGH_VALID_SHARES
  }
}
