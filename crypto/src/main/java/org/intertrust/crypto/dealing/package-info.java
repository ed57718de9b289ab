/**
 * Dealing threshold keys for another AS's replicas: randomness derived with HKDF from a sealed seed
 * and the dealing context, shares encrypted to each holder, and the signed dealing record that
 * carries them (DESIGN.md §2 and §4).
 */
package org.intertrust.crypto.dealing;
