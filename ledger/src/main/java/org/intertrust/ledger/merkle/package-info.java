/**
 * Binary Merkle trees over SHA-256 in the style of RFC 6962 section 2.1 (Certificate Transparency):
 * leaf hashes {@code SHA-256(0x00 || leaf)}, interior hashes {@code SHA-256(0x01 || left ||
 * right)}, the left subtree of {@code n} leaves holding the largest power of two smaller than
 * {@code n}. Used for a block's transaction root and cross-AS root; a cross-AS transaction's proof
 * to another AS is the batch certificate over the root plus a {@link
 * org.intertrust.ledger.merkle.MerkleProof}.
 */
package org.intertrust.ledger.merkle;
