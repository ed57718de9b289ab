package org.intertrust.ledger.state;

import java.util.Comparator;
import java.util.Objects;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * Key of a cross-AS record: the cross-AS id and this AS's role in it.
 *
 * @param id the cross-AS transaction
 * @param role this AS's side
 */
public record CrossAsKey(CrossAsTxId id, CrossAsRole role) implements Comparable<CrossAsKey> {

  private static final Comparator<CrossAsKey> ORDER =
      Comparator.comparing(CrossAsKey::id).thenComparing(CrossAsKey::role);

  /** Checks that no field is null. */
  public CrossAsKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
  }

  @Override
  public int compareTo(CrossAsKey other) {
    return ORDER.compare(this, other);
  }
}
