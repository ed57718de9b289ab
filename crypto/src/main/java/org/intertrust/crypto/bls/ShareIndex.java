package org.intertrust.crypto.bls;

import org.intertrust.crypto.bls.BlsDecodingException.Reason;

/**
 * The evaluation point of a threshold key share: replica {@code i} of an AS holds {@code f(i)}.
 * Always in 1..65535; 0 would be the group secret itself.
 */
public record ShareIndex(int value) implements Comparable<ShareIndex> {
  /** Largest index, and so the largest group a dealing can serve. */
  public static final int MAX = 65535;

  public ShareIndex {
    if (value < 1 || value > MAX) {
      throw new IllegalArgumentException("share index must be in 1.." + MAX + ", was " + value);
    }
  }

  public static ShareIndex of(int value) {
    return new ShareIndex(value);
  }

  /** Like {@link #of} for values read from outside: a typed error instead of an unchecked one. */
  public static ShareIndex decode(int value) throws BlsDecodingException {
    if (value < 1 || value > MAX) {
      throw new BlsDecodingException(Reason.INVALID_SHARE_INDEX, "share index " + value);
    }
    return new ShareIndex(value);
  }

  @Override
  public int compareTo(ShareIndex other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return "#" + value;
  }
}
