/**
 * The gateway's pure protocol logic (ARCHITECTURE.md, layering rule 3): no I/O, threads, wall clock
 * or unseeded randomness; time and randomness come in as arguments or injected seeded generators,
 * so the simulator replays every run from its seed.
 */
package org.intertrust.gateway.protocol;
