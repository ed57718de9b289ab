/**
 * Typed values of the ledger: accounts, assets, amounts, nonces, heights, consensus time, hashes
 * and identifiers. Every value validates itself on construction, is immutable, and has one
 * canonical encoding written through {@link org.intertrust.crypto.encoding.CanonicalWriter}.
 */
package org.intertrust.ledger.value;
