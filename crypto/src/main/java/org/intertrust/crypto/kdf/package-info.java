/** Key derivation: HKDF-SHA256 (RFC 5869) over the JDK's HmacSHA256. */
package org.intertrust.crypto.kdf;
