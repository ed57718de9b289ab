/** The node runtime: real-time hosting of the protocol nodes that the simulator also runs. */
package org.intertrust.node;
