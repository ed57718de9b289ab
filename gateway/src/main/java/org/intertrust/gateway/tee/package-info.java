/**
 * The trusted-execution port (DESIGN.md §6): {@link org.intertrust.gateway.tee.Enclave} with its
 * code measurement, attestation quotes over caller data, sealed storage and a monotonic counter;
 * the quote format ({@link org.intertrust.gateway.tee.Quote}, ADR 0005); and the software backend
 * ({@link org.intertrust.gateway.tee.SoftwareEnclave} on a {@link
 * org.intertrust.gateway.tee.SoftwarePlatform}), which <b>protects nothing</b>: it exists for
 * development, tests and the simulator. A TPM 2.0 backend implements the same port later.
 */
package org.intertrust.gateway.tee;
