/**
 * The {@code intertrust} command line: the picocli command tree, version reporting and the mapping
 * of failures to exit codes (0 success, 1 command failed, 2 usage error).
 */
package org.intertrust.cli;
