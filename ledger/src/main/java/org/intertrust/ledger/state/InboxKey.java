package org.intertrust.ledger.state;

import java.util.Comparator;
import java.util.Objects;
import org.intertrust.ledger.value.InboxId;

/**
 * Key of one delivered message: the inbox and the message's sequence number in it, from 0.
 *
 * @param inbox the inbox
 * @param sequence the position, {@code >= 0}
 */
public record InboxKey(InboxId inbox, long sequence) implements Comparable<InboxKey> {

  private static final Comparator<InboxKey> ORDER =
      Comparator.comparing(InboxKey::inbox).thenComparingLong(InboxKey::sequence);

  /** Checks the fields. */
  public InboxKey {
    Objects.requireNonNull(inbox, "inbox");
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be >= 0");
    }
  }

  @Override
  public int compareTo(InboxKey other) {
    return ORDER.compare(this, other);
  }
}
