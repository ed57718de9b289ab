/**
 * The gateway core, first cut: a pure state machine for one gateway and one peer AS, driven by
 * events (a message from a replica or a peer gateway, a timer, a commit on its own AS's ledger) and
 * answering with actions (send, submit to its own AS, set a timer, reject), like the consensus
 * {@code Replica}. It strings together the components of the sibling packages: dealing schedule,
 * share collectors, proof checks, duplicate filter, phase machine and route.
 */
package org.intertrust.gateway.protocol.core;
