/**
 * The life of one cross-AS transaction as a gateway and its clients see it: an explicit phase
 * machine (REQUESTED, LOCKED, RELAYED, DECIDED with UNLOCK or RELEASE and a reason, FINAL) that
 * rejects illegal moves, and the duplicate filter that answers a replayed relay with the result
 * already given.
 */
package org.intertrust.gateway.protocol.lifecycle;
