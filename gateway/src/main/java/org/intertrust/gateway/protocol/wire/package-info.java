/**
 * The wire format of the gateway protocol: {@link
 * org.intertrust.gateway.protocol.wire.GatewayCodec} turns every {@link
 * org.intertrust.gateway.protocol.core.GatewayMessage} into canonical, versioned, bounded bytes and
 * back, reusing the canonical encodings the carried values already have (statements, proofs,
 * dealing records, transfer terms). Decoding only parses; authentication stays with the gateway
 * core and the replicas. See docs/adr/0010-gateway-wire-format.md.
 */
package org.intertrust.gateway.protocol.wire;
