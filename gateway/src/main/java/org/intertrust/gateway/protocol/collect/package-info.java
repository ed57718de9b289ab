/**
 * Share collection at a gateway (DESIGN.md §4 steps 2 and 3): partial signatures from its own AS's
 * replicas, each wrapped in the sender's Ed25519 signature for accountability, checked,
 * de-duplicated per sender, combined optimistically, with bad shares and their senders named.
 */
package org.intertrust.gateway.protocol.collect;
