package org.intertrust.crypto.encoding;

import java.nio.charset.StandardCharsets;

/**
 * One constant per kind of signed message. Each carries a fixed one-byte tag, written into every
 * {@link Statements statement envelope}, and a fixed BLS hash-to-curve domain separation tag (DST,
 * RFC 9380 section 3.1) used when hashing that statement to G1.
 *
 * <p>The DSTs follow the ciphersuite naming of the IETF BLS signature draft
 * (draft-irtf-cfrg-bls-signature-05, section 4.2.1, "basic" scheme {@code _NUL_}) prefixed with
 * {@code INTERTRUST-V01-<NAME>-}, so a signature made for one domain never verifies in another.
 *
 * <p>Tags and DSTs are part of the wire format: they are given explicitly (never derived from
 * {@link #ordinal()} or {@link #name()}) and pinned by tests. Never change or reuse one; add a new
 * constant instead. Tag {@code 0x00} is reserved and never valid.
 */
public enum SigningDomain {
  /** Consensus: a replica's vote on a leader's proposal (first phase). */
  CONSENSUS_PREPARE(0x01, "CONSENSUS_PREPARE"),
  /** Consensus: a replica's commit vote for a prepared block. */
  CONSENSUS_COMMIT(0x02, "CONSENSUS_COMMIT"),
  /** Consensus: a replica's request to move to a new view. */
  CONSENSUS_VIEW_CHANGE(0x03, "CONSENSUS_VIEW_CHANGE"),
  /** Proof that a committed block was executed, with its resulting state. */
  EXECUTION(0x04, "EXECUTION"),
  /** Cross-AS: the source AS escrowed the funds of a transaction (LOCKED). */
  CROSS_AS_LOCK(0x10, "CROSS_AS_LOCK"),
  /** Cross-AS: the destination AS decided UNLOCK or RELEASE. */
  CROSS_AS_DECISION(0x11, "CROSS_AS_DECISION"),
  /** Cross-AS: a Merkle root over all cross-AS records of one block. */
  CROSS_AS_BATCH(0x12, "CROSS_AS_BATCH"),
  /** A client's signature over the transaction it submits. */
  CLIENT_TRANSACTION(0x20, "CLIENT_TRANSACTION"),
  /** A dealing enclave's signature over a dealing record (commitments and encrypted shares). */
  DEALING_RECORD(0x30, "DEALING_RECORD"),
  /** A replica's own signature wrapping the partial signature it sends to a gateway. */
  SHARE_WRAP(0x31, "SHARE_WRAP"),
  /** An attestation quote over an enclave key and AS configuration. */
  ATTESTATION_QUOTE(0x40, "ATTESTATION_QUOTE"),
  /** A gateway's signature over a message it relays to a peer gateway. */
  GATEWAY_RELAY(0x41, "GATEWAY_RELAY"),
  /** Benchmarks and tests only; never accepted by production code paths. */
  BENCHMARK(0x7F, "BENCHMARK");

  private static final String DST_PREFIX = "INTERTRUST-V01-";
  private static final String DST_SUFFIX = "-BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_";
  private static final int MAX_DST_LENGTH = 255;
  private static final SigningDomain[] BY_TAG = indexByTag();

  private final byte tag;
  private final String blsDst;
  private final byte[] blsDstBytes;

  SigningDomain(int tag, String dstName) {
    if (tag <= 0 || tag > 0xFF) {
      throw new IllegalStateException("tag out of range for " + dstName);
    }
    this.tag = (byte) tag;
    this.blsDst = DST_PREFIX + dstName + DST_SUFFIX;
    this.blsDstBytes = blsDst.getBytes(StandardCharsets.US_ASCII);
    if (blsDstBytes.length > MAX_DST_LENGTH) {
      throw new IllegalStateException("DST longer than 255 bytes: " + blsDst);
    }
  }

  private static SigningDomain[] indexByTag() {
    SigningDomain[] table = new SigningDomain[256];
    for (SigningDomain domain : values()) {
      int index = Byte.toUnsignedInt(domain.tag);
      if (table[index] != null) {
        throw new IllegalStateException("duplicate tag " + index + ": " + domain);
      }
      table[index] = domain;
    }
    return table;
  }

  /** Returns the fixed one-byte tag written into statement envelopes. */
  public byte tag() {
    return tag;
  }

  /** Returns the BLS hash-to-curve DST for this domain (ASCII, at most 255 bytes). */
  public String blsDst() {
    return blsDst;
  }

  /** Returns a fresh copy of {@link #blsDst()} as ASCII bytes. */
  public byte[] blsDstBytes() {
    return blsDstBytes.clone();
  }

  /**
   * Returns the domain with the given tag.
   *
   * @throws EncodingException with reason {@link EncodingException.Reason#UNKNOWN_DOMAIN} if no
   *     domain has this tag
   */
  public static SigningDomain fromTag(byte tag) throws EncodingException {
    SigningDomain domain = BY_TAG[Byte.toUnsignedInt(tag)];
    if (domain == null) {
      throw new EncodingException(
          EncodingException.Reason.UNKNOWN_DOMAIN,
          String.format("no signing domain has tag 0x%02x", Byte.toUnsignedInt(tag)));
    }
    return domain;
  }
}
