/**
 * The replica core of one AS's consensus: Jolteon (two-chain HotStuff, ADR 0004) with threshold-BLS
 * quorum certificates, as a pure state machine driven by {@link org.intertrust.consensus.Event}s
 * and answering with {@link org.intertrust.consensus.Action}s; the wire encoding of its messages
 * ({@link org.intertrust.consensus.ConsensusCodec}) and the port through which it checks signatures
 * ({@link org.intertrust.consensus.SignatureVerifier}).
 */
package org.intertrust.consensus;
