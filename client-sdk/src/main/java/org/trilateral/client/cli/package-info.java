/** The {@code exchange} command line, built on the client library; packaged as the jar with classifier {@code cli}. */
package org.trilateral.client.cli;
