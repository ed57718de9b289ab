package org.intertrust.gateway.enclave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.crypto.dealing.DealingException;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.secret.SecretAccess;
import org.intertrust.gateway.Fixtures;
import org.intertrust.gateway.Fixtures.SeededRandom;
import org.intertrust.gateway.Fixtures.TestAs;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.gateway.tee.Enclave;
import org.intertrust.gateway.tee.EnclaveException;
import org.intertrust.gateway.tee.Measurement;
import org.intertrust.gateway.tee.SoftwarePlatform;
import org.junit.jupiter.api.Test;

class GatewayEnclaveTest {
  private static final Measurement CODE = Measurement.ofRelease("gateway-1.0");
  private final SoftwarePlatform platform = SoftwarePlatform.init(new SeededRandom(1));
  private final TestAs holders = Fixtures.smallAs(1, 5);
  private final DealingContext context =
      new DealingContext(
          DealingContext.Mode.PER_TRANSACTION, new AsId(2), new AsId(1), new byte[] {1, 2, 3});

  private Enclave launch() {
    return platform.launch(CODE, () -> 0L, new SeededRandom(2));
  }

  private DealingRecord deal(GatewayEnclave enclave) throws DealingException {
    return enclave.deal(context, 2, holders.configuration().holders());
  }

  @Test
  void restartedEnclave_reDerivesTheSameDealingFromSealedState() throws Exception {
    GatewayEnclave first = GatewayEnclave.create(launch(), new SeededRandom(3));
    byte[] sealed = first.seal();
    DealingRecord before = deal(first);

    GatewayEnclave restarted = GatewayEnclave.restore(launch(), sealed);
    DealingRecord after = deal(restarted);
    assertEquals(first.publicKeys(), restarted.publicKeys());
    assertEquals(before.publicKey(), after.publicKey());
    assertEquals(DealingReference.of(before), DealingReference.of(after));
  }

  @Test
  void dealtShares_openForEachHolderAndMatchTheirVerificationKeys() throws Exception {
    GatewayEnclave enclave = GatewayEnclave.create(launch(), new SeededRandom(3));
    DealingRecord record =
        DealingRecord.decode(deal(enclave).toBytes(), enclave.publicKeys().identity());
    record.checkConsistency();
    for (int i = 1; i <= 4; i++) {
      KeyShare share =
          record.openShare(ShareIndex.of(i), holders.agreements().get(i - 1), SecretAccess.get());
      assertEquals(record.publicKey().verificationKey(ShareIndex.of(i)), share.verificationKey());
    }
  }

  @Test
  void dealingRecord_isRejectedUnderAnotherDealerOrWhenTampered() throws Exception {
    GatewayEnclave enclave = GatewayEnclave.create(launch(), new SeededRandom(3));
    byte[] wire = deal(enclave).toBytes();
    IdentityKeyPair stranger = IdentityKeyPair.generate(new SeededRandom(77));
    assertEquals(
        DealingException.Reason.WRONG_DEALER,
        assertThrows(DealingException.class, () -> DealingRecord.decode(wire, stranger.publicKey()))
            .reason());
    for (int i = 0; i < wire.length; i += 37) {
      byte[] flipped = wire.clone();
      flipped[i] ^= 0x04;
      assertThrows(
          DealingException.class,
          () -> DealingRecord.decode(flipped, enclave.publicKeys().identity()),
          "byte " + i);
    }
  }

  @Test
  void olderSealedState_isRefusedAsRolledBack() throws Exception {
    GatewayEnclave enclave = GatewayEnclave.create(launch(), new SeededRandom(3));
    byte[] old = enclave.seal();
    byte[] latest = enclave.seal();
    assertEquals(
        EnclaveException.Reason.ROLLED_BACK,
        assertThrows(EnclaveException.class, () -> GatewayEnclave.restore(launch(), old)).reason());
    assertEquals(enclave.publicKeys(), GatewayEnclave.restore(launch(), latest).publicKeys());
  }

  @Test
  void tamperedSealedState_doesNotOpen() {
    GatewayEnclave enclave = GatewayEnclave.create(launch(), new SeededRandom(3));
    byte[] sealed = enclave.seal();
    sealed[sealed.length - 1] ^= 1;
    assertEquals(
        EnclaveException.Reason.UNSEAL_FAILED,
        assertThrows(EnclaveException.class, () -> GatewayEnclave.restore(launch(), sealed))
            .reason());
  }

  @Test
  void sealedState_doesNotOpenInAnEnclaveWithOtherCode() {
    byte[] sealed = GatewayEnclave.create(launch(), new SeededRandom(3)).seal();
    Enclave other =
        platform.launch(Measurement.ofRelease("patched"), () -> 0L, new SeededRandom(2));
    assertThrows(EnclaveException.class, () -> GatewayEnclave.restore(other, sealed));
  }
}
