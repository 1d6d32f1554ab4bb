/** The exchange's HTTP edge: the TAXII endpoints of every feature gathered behind the checks they share. */
package org.trilateral.exchange.web;
