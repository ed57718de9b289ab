package org.intertrust.ledger.replication;

/**
 * What consensus committed at one height, as the ledger needs it.
 *
 * @param height the consensus height; the ledger block gets the same height
 * @param timeNanos the block's consensus time in nanoseconds
 * @param proposer the proposing replica's index
 * @param payload the batch ({@link PayloadBatch})
 */
public record CommittedPayload(long height, long timeNanos, int proposer, byte[] payload) {

  /** Copies the payload. */
  public CommittedPayload {
    if (height < 1 || timeNanos < 0 || proposer < 0) {
      throw new IllegalArgumentException("committed height must be >= 1, time and proposer >= 0");
    }
    payload = payload.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }
}
