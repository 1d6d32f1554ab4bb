/** RFC 9457 problem details: the error shape of every route outside TAXII (admin API, development token endpoint). */
package org.trilateral.exchange.problem;
