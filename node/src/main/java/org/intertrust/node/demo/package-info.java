/** The one-process demonstration: two ASs with their gateways over loopback gRPC. */
package org.intertrust.node.demo;
