/**
 * The gateway's trusted part, the code that runs behind the {@link
 * org.intertrust.gateway.tee.Enclave} port: the enclave's Ed25519 and X25519 keys and the dealing
 * seed, created once, sealed, and restored after a restart (with rollback detection through the
 * monotonic counter); dealing and relay signing with them. Nothing secret leaves this package
 * except sealed or encrypted.
 */
package org.intertrust.gateway.enclave;
