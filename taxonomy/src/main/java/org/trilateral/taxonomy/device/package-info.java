/**
 * Device identifiers published in the clear as facilitator infrastructure: remote-access tool ids (AnyDesk, TeamViewer,
 * RustDesk) and hardware serial numbers with their manufacturer, with the {@code device-identifier} observable.
 */
package org.trilateral.taxonomy.device;
