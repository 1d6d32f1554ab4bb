/** TAXII 2.1 manifests (§5.3): what a collection holds, one line per object version, without the objects. */
package org.trilateral.exchange.manifest;
