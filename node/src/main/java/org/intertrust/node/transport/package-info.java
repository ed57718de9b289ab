/**
 * gRPC transport between nodes: hand-written service descriptors over a protobuf envelope that
 * carries the canonical bytes, mutual TLS with pinned per-node certificates, bounded queues,
 * credit-based inbound back-pressure and reconnects (ADR 0011).
 */
package org.intertrust.node.transport;
