/** Benchmarks: JMH suites and the measurement code behind {@code intertrust bench}. */
package org.intertrust.bench;
