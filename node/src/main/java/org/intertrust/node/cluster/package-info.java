/** Several protocol nodes in one process over loopback gRPC: the networked cluster builder. */
package org.intertrust.node.cluster;
