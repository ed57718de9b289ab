/**
 * Benchmarks of the crypto module: the harness behind {@code intertrust bench crypto} and the same
 * operations under JMH.
 */
package org.intertrust.bench.crypto;
