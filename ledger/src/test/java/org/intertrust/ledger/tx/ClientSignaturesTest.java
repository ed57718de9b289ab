package org.intertrust.ledger.tx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.Nonce;
import org.junit.jupiter.api.Test;

class ClientSignaturesTest {

  private final Transfer transfer =
      Transfer.sign(
          Fixtures.key(0),
          Fixtures.AS_X,
          Fixtures.account(1),
          Fixtures.GOLD,
          Amount.of(5),
          Nonce.ZERO);

  @Test
  void verify_acceptsTheSignersSignature() {
    assertTrue(ClientSignatures.verify(transfer));
  }

  @Test
  void verify_rejectsChangedAmount() {
    Transfer changed =
        new Transfer(
            transfer.chain(),
            transfer.from(),
            transfer.to(),
            transfer.asset(),
            Amount.of(6),
            transfer.nonce(),
            transfer.signature());
    assertFalse(ClientSignatures.verify(changed));
  }

  @Test
  void verify_rejectsTheSameTransferReplayedOnAnotherChain() {
    Transfer otherChain =
        new Transfer(
            new AsId(9),
            transfer.from(),
            transfer.to(),
            transfer.asset(),
            transfer.amount(),
            transfer.nonce(),
            transfer.signature());
    assertFalse(ClientSignatures.verify(otherChain));
  }

  @Test
  void verify_rejectsSignatureMadeInAnotherDomain() throws Exception {
    byte[] message = ClientSignatures.signingBytes(transfer);
    IdentitySignature wrongDomain = Fixtures.key(0).sign(SigningDomain.GATEWAY_RELAY, message);
    assertFalse(ClientSignatures.verify(transfer.withSignature(wrongDomain)));
  }

  @Test
  void verify_rejectsSignatureOfAnotherKey() {
    Transfer byOther =
        Transfer.sign(
            Fixtures.key(1),
            Fixtures.AS_X,
            Fixtures.account(1),
            Fixtures.GOLD,
            Amount.of(5),
            Nonce.ZERO);
    assertFalse(ClientSignatures.verify(transfer.withSignature(byOther.signature())));
  }

  @Test
  void verify_rejectsSignerIdThatIsNoValidKey() {
    byte[] notAKey = new byte[32];
    notAKey[0] = 1; // y = 1: the identity point, small order
    Transfer forged =
        new Transfer(
            transfer.chain(),
            AccountId.fromBytes(notAKey),
            transfer.to(),
            transfer.asset(),
            transfer.amount(),
            transfer.nonce(),
            transfer.signature());
    assertFalse(ClientSignatures.verify(forged));
  }
}
