/**
 * Encryption of dealt threshold-key shares to their holders: X25519 between the dealer's and the
 * holder's agreement keys, HKDF-SHA256 bound to both public keys, the share index and a dealing
 * context, then AES-256-GCM. A gateway relaying an {@link org.intertrust.crypto.box.EncryptedShare}
 * learns nothing about the share and cannot alter, re-target or re-index it undetected.
 */
package org.intertrust.crypto.box;
