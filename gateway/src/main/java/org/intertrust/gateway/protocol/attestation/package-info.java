/**
 * Mutual attestation between gateways (DESIGN.md §4 Setup, §6): the evidence a gateway presents (a
 * quote binding its enclave keys and its AS configuration), the verifier with its typed rejection
 * reasons, and the challenge-response handshake that establishes an attested peer.
 */
package org.intertrust.gateway.protocol.attestation;
