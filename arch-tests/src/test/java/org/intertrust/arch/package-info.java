/**
 * Architecture rules of InterTrust, written with ArchUnit, and the tests that apply them to the
 * production classes of every module and show, on deliberately bad fixtures, that they bite.
 */
package org.intertrust.arch;
