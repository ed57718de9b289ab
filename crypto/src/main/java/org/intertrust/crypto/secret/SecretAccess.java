package org.intertrust.crypto.secret;

/**
 * Capability token for reading secret key material.
 *
 * <p>Every method that exposes secret bytes takes a {@code SecretAccess} argument, so each place
 * that touches a secret is explicit and can be found with one grep for {@code SecretAccess.get()},
 * in the manner of Tink's {@code InsecureSecretKeyAccess}. The token itself carries no authority
 * beyond making the call site visible.
 */
public final class SecretAccess {
  private static final SecretAccess INSTANCE = new SecretAccess();

  private SecretAccess() {}

  /** Returns the token. Callers should be few and reviewed: key storage, sealing, tests. */
  public static SecretAccess get() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return "SecretAccess";
  }
}
