/**
 * Real-time hosting of the protocol nodes: one event loop per node over the same {@code SimNode}
 * the simulator runs, a shared monotonic clock, RocksDB storage, and the transport port.
 */
package org.intertrust.node.runtime;
