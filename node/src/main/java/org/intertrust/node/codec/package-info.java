/** Wire codecs of the protocol messages the node runtime carries. */
package org.intertrust.node.codec;
