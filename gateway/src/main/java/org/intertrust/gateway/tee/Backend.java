package org.intertrust.gateway.tee;

import java.util.Optional;

/** The kind of trusted hardware behind an {@link Enclave}; a fixed wire tag each. */
public enum Backend {
  /** {@link SoftwareEnclave}: development only, protects nothing. */
  SOFTWARE(1),
  /** A TPM 2.0 (swtpm in tests, hardware in production); not implemented yet. */
  TPM2(2),
  /** Intel SGX; not available on the target machines, reserved. */
  SGX(3);

  private final int tag;

  Backend(int tag) {
    this.tag = tag;
  }

  /** Returns the wire tag. */
  public int tag() {
    return tag;
  }

  /** Returns the backend with {@code tag}, or empty. */
  public static Optional<Backend> fromTag(int tag) {
    for (Backend backend : values()) {
      if (backend.tag == tag) {
        return Optional.of(backend);
      }
    }
    return Optional.empty();
  }
}
