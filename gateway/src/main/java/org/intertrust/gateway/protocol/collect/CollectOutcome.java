package org.intertrust.gateway.protocol.collect;

import java.util.List;
import java.util.Objects;
import org.intertrust.gateway.protocol.certificate.CrossAsCertificate;

/** What offering one wrapped share to a {@link ShareCollector} did. */
public sealed interface CollectOutcome {
  /** Why a share was not taken. */
  enum Rejection {
    /** The sender is not a replica of the signing AS. */
    NOT_A_MEMBER,
    /** The share's index is not the sender's own. */
    WRONG_SHARE_INDEX,
    /** The Ed25519 wrap does not verify. */
    BAD_WRAP,
    /** The sender sent this very share before: ignored. */
    DUPLICATE,
    /** The sender sent a different share before: a valid share is unique, so one is bad. */
    EQUIVOCATION,
    /** The sender was blamed for a bad share on this statement; its shares are not taken. */
    SENDER_BLAMED,
    /** The certificate is already made. */
    ALREADY_CERTIFIED
  }

  /**
   * The share was not taken.
   *
   * @param rejection why
   * @param detail for logs
   */
  record Rejected(Rejection rejection, String detail) implements CollectOutcome {
    /** Checks the reason. */
    public Rejected {
      Objects.requireNonNull(rejection, "rejection");
    }
  }

  /**
   * Taken; fewer than k candidate shares so far.
   *
   * @param collected candidate shares held
   * @param needed k
   */
  record Pending(int collected, int needed) implements CollectOutcome {}

  /**
   * Combining k shares failed; the bad ones are named and dropped, and collection goes on.
   *
   * @param blamed the senders blamed in this attempt
   * @param collected candidate shares left
   * @param needed k
   */
  record Blamed(List<Blame> blamed, int collected, int needed) implements CollectOutcome {
    /** Copies the list. */
    public Blamed {
      blamed = List.copyOf(blamed);
    }
  }

  /**
   * A certificate that verifies under the dealing's group key.
   *
   * @param certificate the certificate
   * @param blamed the senders blamed in this final attempt (earlier ones were reported before)
   */
  record Certified(CrossAsCertificate certificate, List<Blame> blamed) implements CollectOutcome {
    /** Copies the list. */
    public Certified {
      Objects.requireNonNull(certificate, "certificate");
      blamed = List.copyOf(blamed);
    }
  }
}
