/**
 * BLS12-381 signatures (signatures in G1, keys in G2) and the (k, n) threshold scheme built on
 * them: typed keys, signatures and shares; Shamir dealing with Feldman commitments; partial signing
 * and verification; combination by Lagrange interpolation in the exponent through blst's native
 * Pippenger multi-scalar multiplication; optimistic combination with batch verification and
 * bisection to blame bad shares. The only package that touches {@code supranational.blst}.
 */
package org.intertrust.crypto.bls;
