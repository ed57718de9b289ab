/**
 * Arithmetic in the BLS12-381 scalar field Fr (integers modulo the prime group order r) and the
 * polynomial tools that threshold BLS builds on: {@link org.intertrust.crypto.field.Fr} holds
 * allocation-light Montgomery-form operations on four 64-bit limbs and the canonical 32-byte
 * encodings that blst expects, {@link org.intertrust.crypto.field.Lagrange} computes the
 * interpolation coefficients at zero that combine k signature shares, and {@link
 * org.intertrust.crypto.field.Polynomial} evaluates a secret-sharing polynomial at share indices.
 * Everything here is pure Java over the JDK and does not call blst.
 */
package org.intertrust.crypto.field;
