/**
 * Bounded memo tables for the results of pure, deterministic checks on public bytes (decoding a
 * key, authenticating a dealing record): the same input bytes always give the same result, so a
 * result may be reused for a byte-identical input. Entries are compared on the full bytes, never on
 * a hash alone, and only successful results are kept: a rejected input is checked again.
 */
package org.intertrust.crypto.memo;
