package org.intertrust.gateway.protocol.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.EncodingException.Reason;
import org.intertrust.crypto.identity.AgreementPublicKey;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.KeyDecodingException;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Sha256;

/**
 * The public configuration of an AS (paper §IV-B, Setup): its id, n replicas with their keys (in
 * order: replica i holds share i), the fault bound f and the cross-AS threshold k. Shape checks
 * only: {@code 0 <= f}, {@code 1 <= k <= n <= 2048}. Whether {@code k >= f+1} is the verifier's
 * judgement ({@code THRESHOLD_TOO_LOW}), so that a peer's bad configuration is rejected with a
 * reason rather than failing to parse. Immutable.
 *
 * <p>Encoding: magic "ITC", u8 version, u16 AS, u16 f, u16 k, u16 n, then n times (identity 32,
 * agreement 32). {@link #hash()} is SHA-256 of it.
 *
 * @param as the AS
 * @param f the number of faulty replicas tolerated
 * @param threshold k, shares needed for a cross-AS certificate signed by this AS
 * @param replicas the replicas' keys, replica i (1-based) at position i-1
 */
public record AsConfiguration(AsId as, int f, int threshold, List<ReplicaKeys> replicas) {
  /** Largest number of replicas, the dealing limit. */
  public static final int MAX_REPLICAS = DealingRecord.MAX_HOLDERS;

  private static final byte[] MAGIC = {'I', 'T', 'C'};
  private static final int VERSION = 1;
  private static final int KEY_BYTES = 32;

  /** Checks the shape and copies the list. */
  public AsConfiguration {
    Objects.requireNonNull(as, "as");
    replicas = List.copyOf(replicas);
    int n = replicas.size();
    if (n < 1 || n > MAX_REPLICAS || f < 0 || threshold < 1 || threshold > n) {
      throw new IllegalArgumentException(
          "need f >= 0 and 1 <= k <= n <= " + MAX_REPLICAS + ": f=" + f + " k=" + threshold);
    }
    Set<IdentityPublicKey> distinct = new HashSet<>();
    for (ReplicaKeys keys : replicas) {
      if (!distinct.add(keys.identity())) {
        throw new IllegalArgumentException("replica identity listed twice: " + keys.identity());
      }
    }
  }

  /** n, the number of replicas. */
  public int size() {
    return replicas.size();
  }

  /** Whether {@code k >= f+1}: a certificate needs at least one honest signer. */
  public boolean thresholdSafe() {
    return threshold >= f + 1;
  }

  /** The replicas' X25519 keys in share order: the holders of a dealing for this AS. */
  public List<AgreementPublicKey> holders() {
    List<AgreementPublicKey> holders = new ArrayList<>(replicas.size());
    replicas.forEach(keys -> holders.add(keys.agreement()));
    return holders;
  }

  /** The share index of the replica with {@code identity}, if it is a member. */
  public Optional<ShareIndex> indexOf(IdentityPublicKey identity) {
    for (int i = 0; i < replicas.size(); i++) {
      if (replicas.get(i).identity().equals(identity)) {
        return Optional.of(ShareIndex.of(i + 1));
      }
    }
    return Optional.empty();
  }

  /** The keys of the replica holding share {@code index}, if there is one. */
  public Optional<ReplicaKeys> replica(ShareIndex index) {
    return index.value() <= replicas.size()
        ? Optional.of(replicas.get(index.value() - 1))
        : Optional.empty();
  }

  /** The canonical encoding. */
  public byte[] encode() {
    try {
      CanonicalWriter w = new CanonicalWriter(maxEncodedSize());
      w.fixedBytes(MAGIC, MAGIC.length).u8(VERSION).asId(as).u16(f).u16(threshold);
      w.u16(replicas.size());
      for (ReplicaKeys keys : replicas) {
        w.fixedBytes(keys.identity().toBytes(), KEY_BYTES);
        w.fixedBytes(keys.agreement().toBytes(), KEY_BYTES);
      }
      return w.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalStateException("a validated configuration always encodes", e);
    }
  }

  /** SHA-256 of {@link #encode()}: what a gateway's quote binds. */
  public Hash32 hash() {
    return Sha256.hash(encode());
  }

  /** The largest encoding {@link #decode} accepts. */
  public static int maxEncodedSize() {
    return 3 + 1 + 2 + 2 + 2 + 2 + MAX_REPLICAS * 2 * KEY_BYTES;
  }

  /**
   * Parses {@link #encode()} with every bound checked before allocation.
   *
   * @throws EncodingException if the bytes are malformed, out of bounds, or name invalid keys
   */
  public static AsConfiguration decode(byte[] bytes) throws EncodingException {
    if (bytes == null || bytes.length > maxEncodedSize()) {
      throw new EncodingException(Reason.LENGTH_TOO_LARGE, "configuration missing or too long");
    }
    CanonicalReader r = new CanonicalReader(bytes);
    byte[] magic = r.fixedBytes(MAGIC.length);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new EncodingException(Reason.BAD_MAGIC, "not an AS configuration");
    }
    if (r.u8() != VERSION) {
      throw new EncodingException(Reason.BAD_VERSION, "unknown configuration version");
    }
    AsId as = r.asId();
    int f = r.u16();
    int threshold = r.u16();
    int n = r.u16();
    if (n < 1 || n > MAX_REPLICAS || n * 2L * KEY_BYTES != r.remaining()) {
      throw new EncodingException(Reason.INVALID_VALUE, "replica count " + n);
    }
    List<ReplicaKeys> replicas = new ArrayList<>(n);
    try {
      for (int i = 0; i < n; i++) {
        replicas.add(
            new ReplicaKeys(
                IdentityPublicKey.fromBytes(r.fixedBytes(KEY_BYTES)),
                AgreementPublicKey.fromBytes(r.fixedBytes(KEY_BYTES))));
      }
      r.expectEnd();
      return new AsConfiguration(as, f, threshold, replicas);
    } catch (KeyDecodingException | IllegalArgumentException e) {
      throw new EncodingException(Reason.INVALID_VALUE, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "AsConfiguration[" + as + " n=" + size() + " f=" + f + " k=" + threshold + "]";
  }
}
