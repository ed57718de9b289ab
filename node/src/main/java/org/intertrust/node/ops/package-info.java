/**
 * Running the system as separate operating-system processes: {@code intertrust init} writes a
 * testnet (keys, certificates, one flat YAML file per process), and {@link
 * org.intertrust.node.ops.NodeProcess} runs one replica or gateway from its file, with health,
 * metrics and the client API over HTTP (ADR 0012).
 */
package org.intertrust.node.ops;
